using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Server.Hosting;
using ZoomQos.TestSupport;

namespace ZoomQos.Server.Tests;

/// <summary>
/// When the server's periodic trim runs (docs/decisions/0013), on a fake clock. What a trim gives back to the system is
/// a figure of the machine's C library, measured by <c>bench -- trim</c>, not asserted here.
/// </summary>
public sealed class NativeMemoryTrimTests
{
    [Fact]
    public async Task The_trim_runs_once_per_interval_of_the_servers_clock()
    {
        var time = new FakeTimeProvider();
        var clock = new WaitWatchingClock(time, TimeSpan.FromSeconds(15));
        var calls = new SemaphoreSlim(0);
        using var trim = new NativeMemoryTrim(Options(clock, TimeSpan.FromSeconds(15)), NullLogger<NativeMemoryTrim>.Instance) { Trim = () => Called(calls, true) };
        await trim.StartAsync(CancellationToken.None);
        Assert.True(await clock.NextWaitAsync(trim.ExecuteTask!), "the trim's timer was not set");

        time.Advance(TimeSpan.FromSeconds(14));
        Assert.False(await calls.WaitAsync(TimeSpan.FromMilliseconds(50)), "trimmed before the interval was up");
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(i == 0 ? 1 : 15));
            Assert.True(await calls.WaitAsync(TimeSpan.FromMinutes(1)), $"no trim at interval {i + 1}");
        }

        await trim.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_malloc_trim_in_the_c_library_the_service_stops_after_the_first_try()
    {
        var time = new FakeTimeProvider();
        var clock = new WaitWatchingClock(time, TimeSpan.FromSeconds(15));
        var calls = new SemaphoreSlim(0);
        var tries = 0;
        using var trim = new NativeMemoryTrim(Options(clock, TimeSpan.FromSeconds(15)), NullLogger<NativeMemoryTrim>.Instance) { Trim = () => Called(calls, ++tries > 99) };
        await trim.StartAsync(CancellationToken.None);
        Assert.True(await clock.NextWaitAsync(trim.ExecuteTask!), "the trim's timer was not set");

        time.Advance(TimeSpan.FromSeconds(15));
        Assert.True(await calls.WaitAsync(TimeSpan.FromMinutes(1)));
        await trim.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(1, tries);
        Assert.True(trim.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task An_interval_of_zero_turns_the_trim_off()
    {
        var time = new FakeTimeProvider();
        var tries = 0;
        using var trim = new NativeMemoryTrim(Options(time, TimeSpan.Zero), NullLogger<NativeMemoryTrim>.Instance) { Trim = () => ++tries > 0 };
        await trim.StartAsync(CancellationToken.None);

        await trim.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, tries);
    }

    [SkippableFact]
    public void Glibc_has_malloc_trim_and_the_call_reaches_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && (File.Exists("/lib/x86_64-linux-gnu/libc.so.6") || File.Exists("/lib/aarch64-linux-gnu/libc.so.6")), "malloc_trim is glibc's");

        Assert.True(NativeMemoryTrim.TryTrim());
    }

    private static ServerOptions Options(TimeProvider time, TimeSpan interval) => new() { TimeProvider = time, NativeMemoryTrimInterval = interval };

    private static bool Called(SemaphoreSlim calls, bool result)
    {
        calls.Release();
        return result;
    }
}
