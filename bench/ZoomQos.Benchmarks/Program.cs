using BenchmarkDotNet.Running;
using ZoomQos.Benchmarks.Load;

// ZoomQos benchmarks. Run every suite:  dotnet run -c Release --project bench/ZoomQos.Benchmarks -- --filter '*'
// One suite:                            dotnet run -c Release --project bench/ZoomQos.Benchmarks -- --filter '*PageDeserialization*'
// The server load test (loopback only): dotnet run -c Release --project bench/ZoomQos.Benchmarks -- load [seconds]
if (args.Length > 0 && args[0] == "load")
{
    await ServerLoadTest.RunAsync(args);
    return;
}

// The client walk and memory test:      dotnet run -c Release --project bench/ZoomQos.Benchmarks -- client [rounds]
if (args.Length > 0 && args[0] == "client")
{
    await ClientWalkTest.RunAsync(args);
    return;
}

// The CLI fetch of a 5,000 × 120 webinar:  dotnet build -c Release src/ZoomQos.Cli && dotnet run -c Release --project bench/ZoomQos.Benchmarks -- fetch-large
if (args.Length > 0 && args[0] == "fetch-large")
{
    await FetchLargeTest.RunAsync(args);
    return;
}

// PostgreSQL beside SQLite (merge, page reads, load):  dotnet run -c Release --project bench/ZoomQos.Benchmarks -- postgres [rounds] [seconds]
if (args.Length > 0 && args[0] == "postgres")
{
    await PostgresStoreTest.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
