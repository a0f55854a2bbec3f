using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using ZoomQos.Contracts.Qos;
using ZoomQos.Storage;
using ZoomQos.Storage.Sqlite;

namespace ZoomQos.Benchmarks.Storage;

/// <summary>
/// Issue 3: merging 1,000 sessions × 90 samples into an empty SQLite store, beside the floor: the same rows,
/// already serialized, inserted by one prepared statement in one transaction with no idempotency checks.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
[MemoryDiagnoser]
public class StoreMergeBenchmarks
{
    private IReadOnlyList<ParticipantQos> _participants = [];
    private List<(string UserId, long Join, byte[] Session, List<(string Minute, byte[] Json)> Samples)> _rows = [];
    private string _path = string.Empty;
    private SqliteQosStore? _store;

    [GlobalSetup]
    public void Load()
    {
        _participants = StoreData.Participants();
        _rows = [.. _participants.Select(p => (
            StorageKeys.UserId(p),
            StorageKeys.JoinMs(p),
            ParticipantJson.SessionJson(p),
            p.UserQos!.Select(s => (StorageKeys.Minute(s.DateTime), ParticipantJson.SampleJson(s))).ToList()))];
    }

    [IterationSetup]
    public void NewStore()
    {
        _path = StoreData.TempPath();
        _store = StoreData.NewStoreAsync(_path).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DeleteStore()
    {
        _store!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        StoreData.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "Raw INSERT of pre-serialized rows (floor)")]
    public void RawInsert()
    {
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var session = connection.CreateCommand();
        session.Transaction = transaction;
        session.CommandText = "INSERT INTO sessions (instance_id, user_id, join_ms, json) VALUES (1, $u, $j, $s) RETURNING id";
        var user = session.Parameters.Add("$u", SqliteType.Text);
        var join = session.Parameters.Add("$j", SqliteType.Integer);
        var json = session.Parameters.Add("$s", SqliteType.Blob);
        using var sample = connection.CreateCommand();
        sample.Transaction = transaction;
        sample.CommandText = "INSERT INTO samples (session_id, minute, json) VALUES ($id, $m, $x)";
        var id = sample.Parameters.Add("$id", SqliteType.Integer);
        var minute = sample.Parameters.Add("$m", SqliteType.Text);
        var body = sample.Parameters.Add("$x", SqliteType.Blob);
        foreach (var row in _rows)
        {
            (user.Value, join.Value, json.Value) = (row.UserId, row.Join, row.Session);
            id.Value = session.ExecuteScalar();
            foreach (var (m, x) in row.Samples)
            {
                (minute.Value, body.Value) = (m, x);
                sample.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        SqliteConnection.ClearPool(connection);
    }

    [Benchmark(Description = "IQosStore.MergeParticipantsAsync (typed, idempotent)")]
    public Task<MergeResult> Merge() => _store!.MergeParticipantsAsync(StoreData.Instance.Uuid, _participants.ToAsyncEnumerable());
}
