using BenchmarkDotNet.Running;

// ZoomQos benchmarks. Run every suite:  dotnet run -c Release --project bench/ZoomQos.Benchmarks -- --filter '*'
// One suite:                            dotnet run -c Release --project bench/ZoomQos.Benchmarks -- --filter '*PageDeserialization*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
