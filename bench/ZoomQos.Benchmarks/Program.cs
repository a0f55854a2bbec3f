using BenchmarkDotNet.Running;
using ZoomQos.Benchmarks.Judged;
using ZoomQos.Benchmarks.Load;

// ZoomQos benchmarks: dotnet run -c Release --project bench/ZoomQos.Benchmarks -- COMMAND
//   --filter '*'              every BenchmarkDotNet suite (one: --filter '*PageDeserialization*')
//   load [seconds]            the server load test (loopback only): list endpoint vs a bare-Kestrel ceiling and WireMock.Net
//   client [rounds]           the client walk and memory test
//   fetch-large               zoomqos fetch of a 5,000 × 120 webinar beside a bare HTTP loop
//   postgres [rounds] [s]     PostgreSQL beside SQLite (merge, page reads, load)
// Judged runs print their figures, then "NAME: PASS" or "NAME: FAIL (…)", and exit 0 or 1:
//   soak [minutes]            7 minutes of serve at 80 % of its maximum: 5xx, p99 drift and outliers, RssAnon growth
//   governor [rounds]         four walks of one account under Zoom's limits, on the real clock: 429s, time vs 40/s
//   trim                      what malloc_trim gives back of freed native memory
//   analysis-memory           the analyzer's heap per session minute
//   trends [instances]        trends over 500 archived instances on SQLite and PostgreSQL, beside re-analysing them
//   peers [rounds] [seconds] [rows]  the same work by a peer and by ZoomQos, interleaved: @zoom/rivet's walk beside fetch's, the paced walk, serve under wrk
//                             beside Kestrel and WireMock.Net, 5,000 x 120 fetched beside a bare loop, zoomqos demo; rows: walk,paced,server,large,demo
switch (args.FirstOrDefault())
{
    case "load":
        await ServerLoadTest.RunAsync(args);
        break;
    case "client":
        await ClientWalkTest.RunAsync(args);
        break;
    case "fetch-large":
        await FetchLargeTest.RunAsync(args);
        break;
    case "postgres":
        await PostgresStoreTest.RunAsync(args);
        break;
    case "soak":
        return await SoakRun.RunAsync(args);
    case "governor":
        return await GovernorRun.RunAsync(args);
    case "trim":
        return TrimRun.Run();
    case "analysis-memory":
        return AnalysisMemoryRun.Run();
    case "trends":
        return await TrendsRun.RunAsync(args);
    case "peers":
        return await PeersRun.RunAsync(args);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ServerLoadTest).Assembly).Run(args);
        break;
}

return 0;
