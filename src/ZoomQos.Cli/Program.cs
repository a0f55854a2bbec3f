using ZoomQos.Cli;

// zoomqos: the command-line tool of ZoomQos (see ZoomQosCli for the commands).
JitProfile.Start(args, Environment.GetEnvironmentVariable);
using var cancel = new CancellationTokenSource();
return await ZoomQosCli.RunAsync(args, CliContext.ForProcess(cancel), cancel.Token);
