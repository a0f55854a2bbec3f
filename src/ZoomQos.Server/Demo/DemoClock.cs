using ZoomQos.Simulation;

namespace ZoomQos.Server.Demo;

/// <summary>
/// Where the demo's live webinar stands: the reference time plus the time since the server started, times
/// <see cref="Hosting.ServerOptions.DemoTimeScale"/>, up to the webinar's planned end; and how often that is worth
/// looking at (one simulated minute, 50 ms at the fastest). The live feed and the webhook sender both follow it.
/// </summary>
internal sealed class DemoClock(DemoDataSet demo, Hosting.ServerOptions options)
{
    private readonly DateTimeOffset _wallStart = options.TimeProvider.GetUtcNow();

    private double Scale => Math.Max(options.DemoTimeScale, 0.001);

    /// <summary>The live webinar's planned end.</summary>
    public DateTimeOffset End => demo.Live.Instance.StartTime.AddMinutes(DemoDataSet.LiveDurationMinutes);

    /// <summary>One simulated minute of the server's clock.</summary>
    public TimeSpan Period => TimeSpan.FromSeconds(Math.Clamp(60 / Scale, 0.05, 60));

    /// <summary>The simulated now.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = demo.ReferenceTime + ((options.TimeProvider.GetUtcNow() - _wallStart) * Scale);
            return now > End ? End : now;
        }
    }
}
