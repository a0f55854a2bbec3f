using System.Runtime.InteropServices;
using ZoomQos.Server.Hosting;

namespace ZoomQos.Server.Tests;

/// <summary>What the server's periodic trim does for memory that native code has freed (docs/decisions/0013).</summary>
public sealed class NativeMemoryTrimTests
{
    private const int Block = 64 * 1024; // under glibc's 128 KB mmap threshold: these live in an arena
    private const int Blocks = 1024; // 64 MB

    [SkippableFact]
    public void Freed_native_memory_stays_resident_until_trimmed_and_then_goes_back()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "malloc_trim is glibc's");
        var touch = new byte[Block];
        Array.Fill(touch, (byte)1);
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(Block);
            Marshal.Copy(touch, 0, blocks[i], Block);
        }

        var held = RssAnonBytes();
        for (var i = 0; i < Blocks - 1; i++)
        {
            Marshal.FreeHGlobal(blocks[i]); // the last block stays: the arena cannot shrink from its top
        }

        var freed = RssAnonBytes();
        var trimmed = NativeMemoryTrim.TryTrim();
        var after = RssAnonBytes();
        Marshal.FreeHGlobal(blocks[^1]);

        Assert.True(trimmed, "malloc_trim was not found in libc");
        Assert.True(held - freed < 16 << 20, $"free() alone gave back {(held - freed) >> 20} MB of 64 MB");
        Assert.True(freed - after > 32 << 20, $"the trim gave back only {(freed - after) >> 20} MB of 64 MB");
    }

    private static long RssAnonBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
