namespace ZoomQos.TestSupport;

/// <summary>How a test without PostgreSQL behaves: skipped with the reason, or failed under <c>CI=true</c>.</summary>
public static class PostgresSkip
{
    /// <summary>The cluster, started on first use; skips the test (or fails it under CI) when there is none.</summary>
    public static async Task<PostgresCluster> RequireAsync()
    {
        var (cluster, reason) = await PostgresCluster.TryGetAsync();
        Unless(reason);
        return cluster!;
    }

    /// <summary>Skips the test when <paramref name="reason"/> says PostgreSQL is missing; under CI=true that is a failure.</summary>
    public static void Unless(string? reason)
    {
        if (reason is not null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "CI=true and " + reason);
            Skip.If(true, reason);
        }
    }
}
