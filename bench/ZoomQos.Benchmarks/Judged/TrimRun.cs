using System.Globalization;
using System.Runtime.InteropServices;
using ZoomQos.Server.Hosting;

namespace ZoomQos.Benchmarks.Judged;

/// <summary>
/// <c>bench -- trim</c>: what the server's periodic <c>malloc_trim</c> gives back (docs/decisions/0013). 64 MB of
/// 64 KB native blocks, every other one freed (each freed block lies between two held ones, as a long-lived allocation
/// among short-lived ones), then one trim. PASS needs <c>free()</c> alone to give back under 8 MB of the 32 MB freed
/// (else the case shows nothing) and the trim over 16 MB. When the trim is called is tested on a fake clock
/// (<c>Server.Tests/NativeMemoryTrimTests</c>).
/// </summary>
internal static class TrimRun
{
    private const int Block = 64 * 1024; // under glibc's 128 KB mmap threshold: these live in an arena
    private const int Blocks = 1024;

    public static int Run()
    {
        var verdict = new Verdict("trim");
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("trim: malloc_trim is glibc's; nothing to measure here");
            return 0;
        }

        var touch = new byte[Block];
        Array.Fill(touch, (byte)1);
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(Block);
            Marshal.Copy(touch, 0, blocks[i], Block);
        }

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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RssAnon {held / 1048576.0:0.0} MB with 64 MB held; {freed / 1048576.0:0.0} MB after freeing 32 MB (free() gave back {(held - freed) / 1048576.0:0.0} MB); {after / 1048576.0:0.0} MB after the trim (it gave back {(freed - after) / 1048576.0:0.0} MB)"));
        verdict.Check(trimmed, "malloc_trim was not found in libc");
        verdict.Check(held - freed < 8 << 20, "free() alone gave back 8 MB or more: the case pins nothing");
        verdict.Check(freed - after > 16 << 20, "the trim gave back 16 MB or less of the 32 MB freed");
        return verdict.Report();
    }

    private static long RssAnonBytes() => ProcessMemory.Read(Environment.ProcessId).Anonymous;
}
