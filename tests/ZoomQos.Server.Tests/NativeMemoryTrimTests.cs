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

        // Every other block is freed: each freed one lies between two that are held, so nothing can be given back
        // from the top of the arena, as with a long-lived allocation among short-lived ones (32 MB freed in all).
        // Freeing all but the last one did not pin them: in CI free() alone gave 63 MB of 64 back.
        var held = RssAnonBytes();
        for (var i = 0; i < Blocks; i += 2)
        {
            Marshal.FreeHGlobal(blocks[i]);
        }

        var freed = RssAnonBytes();
        var trimmed = NativeMemoryTrim.TryTrim();
        var after = RssAnonBytes();
        for (var i = 1; i < Blocks; i += 2)
        {
            Marshal.FreeHGlobal(blocks[i]);
        }

        Assert.True(trimmed, "malloc_trim was not found in libc");
        Assert.True(held - freed < 8 << 20, $"free() alone gave back {(held - freed) >> 20} MB of the 32 MB freed");
        Assert.True(freed - after > 16 << 20, $"the trim gave back only {(freed - after) >> 20} MB of the 32 MB freed");
    }

    private static long RssAnonBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
