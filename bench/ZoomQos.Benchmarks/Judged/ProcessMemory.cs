using System.Globalization;

namespace ZoomQos.Benchmarks.Judged;

/// <summary>A process's resident memory from <c>/proc/PID/status</c>: its own (RssAnon: heaps, stacks, native allocations) and all of it (VmRSS, mapped files too).</summary>
internal static class ProcessMemory
{
    public static (long Anonymous, long All) Read(int pid)
    {
        var lines = File.ReadLines($"/proc/{pid}/status").ToList();
        long Field(string name) => long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (Field("RssAnon:"), Field("VmRSS:"));
    }
}
