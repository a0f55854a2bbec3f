using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;
using static ZoomQos.Storage.Tests.Support.StoreFixture;

namespace ZoomQos.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IQosStore"/> must have. Each implementation runs the whole suite by
/// deriving from this class and saying how to open a fresh, empty store.
/// </summary>
public abstract partial class QosStoreContractTests : IAsyncLifetime
{
    private IQosStore? _store;

    protected IQosStore Store => _store ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync() => _store = await OpenEmptyStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await DisposeStorageAsync();
    }

    [SkippableFact]
    public async Task What_goes_in_comes_out_json_equal_unknown_fields_and_raw_values_included()
    {
        var instance = Instance("fidelity-uuid==");
        await SeededAsync(Store, instance);
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "full-schema.json")))!;
        var participants = fixture["participants"]!.AsArray()
            .Select(n => JsonSerializer.Deserialize(n!.ToJsonString(), ZoomJsonContext.Default.ParticipantQos)!)
            .ToList();

        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants));
        var stored = await ReadAllAsync(Store, instance.Uuid);

        Assert.Equal(2, stored.Count);
        var byUser = stored.ToDictionary(s => s.Cursor.UserId);
        foreach (var original in fixture["participants"]!.AsArray())
        {
            var json = byUser[original!["user_id"]!.GetValue<string>()].Json;
            Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(json.Span)), $"differs: {System.Text.Encoding.UTF8.GetString(json.Span)}");
        }
    }

    [SkippableFact]
    public async Task A_simulated_webinar_reads_back_exactly_in_join_order()
    {
        var instance = Instance("simulated-uuid==");
        await SeededAsync(Store, instance);
        var simulated = Simulated(instance).Participants().ToList();

        await Store.MergeParticipantsAsync(instance.Uuid, Async(simulated));
        var stored = await ReadAllAsync(Store, instance.Uuid, pageSize: 7);

        var expected = simulated
            .OrderBy(p => p.JoinTime.Value).ThenBy(p => p.UserId, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p, ZoomJsonContext.Default.ParticipantQos))
            .ToList();
        Assert.Equal(expected.Count, stored.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i]), JsonNode.Parse(stored[i].Json.Span)), $"session {i} differs");
        }

        Assert.Equal(simulated.Count, await Store.CountParticipantsAsync(instance.Uuid));
    }

    [SkippableFact]
    public async Task Pages_read_while_earlier_pages_are_disposed_stay_exact_large_samples_included()
    {
        // A store may read pages into pooled buffers that a disposed page gives back: a page still held must not
        // see them reused, and a sample far larger than the usual 900 bytes must read back too.
        var instance = Instance("pooled-uuid==");
        await SeededAsync(Store, instance);
        var simulated = Simulated(instance, attendees: 60).Participants().ToList();
        var big = JsonNode.Parse(JsonSerializer.Serialize(simulated[0], ZoomJsonContext.Default.ParticipantQos))!;
        big["user_qos"]![0]!["x_unknown_large"] = new string('q', 200_000);
        simulated[0] = JsonSerializer.Deserialize(big.ToJsonString(), ZoomJsonContext.Default.ParticipantQos)!;
        await Store.MergeParticipantsAsync(instance.Uuid, Async(simulated));
        var expected = simulated
            .OrderBy(p => p.JoinTime.Value).ThenBy(p => p.UserId, StringComparer.Ordinal)
            .Select(p => JsonNode.Parse(JsonSerializer.Serialize(p, ZoomJsonContext.Default.ParticipantQos)))
            .ToList();

        var held = new List<(int Index, ParticipantPage Page)>();
        ParticipantCursor? cursor = null;
        var index = 0;
        do
        {
            var page = await Store.ReadParticipantsAsync(instance.Uuid, cursor, 7);
            held.Add((index, page));
            index += page.Participants.Count;
            cursor = page.Next;
            if (held.Count % 2 == 0)
            {
                held[^2].Page.Dispose(); // every other page goes back before the next is read
                held.RemoveAt(held.Count - 2);
            }
        }
        while (cursor is not null);

        // The pages still held, checked after all the others were read and disposed.
        Assert.NotEmpty(held);
        foreach (var (start, page) in held)
        {
            for (var i = 0; i < page.Participants.Count; i++)
            {
                Assert.True(JsonNode.DeepEquals(expected[start + i], JsonNode.Parse(page.Participants[i].Json.Span)), $"session {start + i} differs");
            }

            page.Dispose();
        }

        var all = await ReadAllAsync(Store, instance.Uuid, pageSize: 10);
        Assert.Equal(expected.Count, all.Count);
        Assert.All(all.Select((p, i) => (p, i)), x => Assert.True(JsonNode.DeepEquals(expected[x.i], JsonNode.Parse(x.p.Json.Span)), $"session {x.i} differs"));
    }

    [SkippableFact]
    public async Task Merging_the_same_participants_twice_changes_nothing()
    {
        var instance = Instance("twice-uuid==");
        await SeededAsync(Store, instance);
        var participants = Simulated(instance).Participants().ToList();
        var first = await Store.MergeParticipantsAsync(instance.Uuid, Async(participants));
        var checksum = await Store.ComputeChecksumAsync();

        var second = await Store.MergeParticipantsAsync(instance.Uuid, Async(participants));

        Assert.Equal(participants.Count, first.SessionsWritten);
        Assert.Equal(participants.Sum(p => p.UserQos!.Count), first.SamplesWritten);
        Assert.True(second.ChangedNothing);
        Assert.Equal(participants.Count, second.SessionsUnchanged);
        Assert.Equal(checksum, await Store.ComputeChecksumAsync());
    }

    [SkippableFact]
    public async Task A_merge_that_fails_midway_leaves_no_trace()
    {
        var instance = Instance("midway-uuid==");
        await SeededAsync(Store, instance);
        var participants = Simulated(instance).Participants().ToList();
        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants.Take(5)));
        var checksum = await Store.ComputeChecksumAsync();

        async IAsyncEnumerable<ParticipantQos> FailAfterTen()
        {
            foreach (var p in participants.Skip(5).Take(10))
            {
                yield return p with { LeaveTime = Contracts.Values.ZoomTimestamp.Parse("2030-01-01T00:00:00Z") };
            }

            await Task.Yield();
            throw new IOException("the ingestion stream broke");
        }

        await Assert.ThrowsAsync<IOException>(() => Store.MergeParticipantsAsync(instance.Uuid, FailAfterTen()));

        Assert.Equal(checksum, await Store.ComputeChecksumAsync());
        Assert.Equal(5, await Store.CountParticipantsAsync(instance.Uuid));
    }

    [SkippableFact]
    public async Task A_merge_into_an_unknown_instance_is_refused_and_changes_nothing()
    {
        await SeededAsync(Store);
        var checksum = await Store.ComputeChecksumAsync();

        await Assert.ThrowsAsync<QosStoreNotFoundException>(() =>
            Store.MergeParticipantsAsync("no-such-uuid==", Async([new ParticipantQos { UserId = "1" }])));

        Assert.Equal(checksum, await Store.ComputeChecksumAsync());
    }

    [SkippableFact]
    public async Task New_minutes_and_changed_sessions_of_a_live_instance_are_merged_in()
    {
        var instance = Instance("accrue-uuid==", live: true);
        await SeededAsync(Store, instance);
        var simulated = Simulated(instance, minutes: 30);
        await Store.MergeParticipantsAsync(instance.Uuid, Async(simulated.SnapshotAt(Start.AddMinutes(10))));
        var early = (await ReadAllAsync(Store, instance.Uuid)).Sum(p => p.ToParticipant().UserQos!.Count);

        var result = await Store.MergeParticipantsAsync(instance.Uuid, Async(simulated.SnapshotAt(Start.AddMinutes(20))));
        var stored = await ReadAllAsync(Store, instance.Uuid);

        var expected = simulated.SnapshotAt(Start.AddMinutes(20)).ToList();
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(expected.Sum(p => p.UserQos!.Count), stored.Sum(p => p.ToParticipant().UserQos!.Count));
        Assert.True(stored.Sum(p => p.ToParticipant().UserQos!.Count) > early);
        Assert.True(result.SamplesUnchanged >= early);
    }

    [SkippableFact]
    public async Task Paging_a_live_instance_while_sessions_are_merged_concurrently_yields_no_duplicate_and_no_omission()
    {
        var instance = Instance("concurrent-uuid==", live: true);
        await SeededAsync(Store, instance);
        var simulated = Simulated(instance, attendees: 120, minutes: 40).Participants().ToList();
        var initial = simulated.Take(60).ToList();
        await Store.MergeParticipantsAsync(instance.Uuid, Async(initial));

        // Later joiners arrive while the walk runs; each arrives with a join time after every initial one.
        var latest = initial.Max(p => p.JoinTime.Value!.Value);
        var arrivals = simulated.Skip(60).Select((p, i) => p with
        {
            JoinTime = Contracts.Values.ZoomTimestamp.FromDateTimeOffset(latest.AddSeconds(i + 1)),
        }).ToList();
        // The writer merges one batch after every page the walker reads, so the walk runs across 20 merges.
        using var pageRead = new SemaphoreSlim(0);
        using var batchMerged = new SemaphoreSlim(0);
        var writer = Task.Run(async () =>
        {
            foreach (var batch in arrivals.Chunk(3))
            {
                await pageRead.WaitAsync();
                await Store.MergeParticipantsAsync(instance.Uuid, Async(batch));

                // Re-merging an early session with a new value must not make it appear twice.
                await Store.MergeParticipantsAsync(instance.Uuid, Async([initial[batch.Length] with { LeaveTime = default }]));
                batchMerged.Release();
            }
        });

        var seen = new List<string>();
        var merges = arrivals.Chunk(3).Count();
        ParticipantCursor? cursor = null;
        do
        {
            var page = await Store.ReadParticipantsAsync(instance.Uuid, cursor, 3);
            seen.AddRange(page.Participants.Select(p => p.Cursor.UserId));
            cursor = page.Next;
            if (merges-- > 0)
            {
                pageRead.Release();
                await batchMerged.WaitAsync();
                cursor ??= page.Participants.Count > 0 ? page.Participants[^1].Cursor : null;
            }
        }
        while (cursor is not null);
        await writer;

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(simulated.Select(p => p.UserId!).ToHashSet(), seen.ToHashSet());
    }

    [SkippableFact]
    public async Task Pages_follow_join_time_then_user_id_and_the_cursor_resumes_exactly()
    {
        var instance = Instance("order-uuid==");
        await SeededAsync(Store, instance);
        var sameMinute = Contracts.Values.ZoomTimestamp.Parse("2026-03-02T15:01:00Z");
        ParticipantQos[] participants =
        [
            new() { UserId = "300", JoinTime = sameMinute },
            new() { UserId = "100", JoinTime = Contracts.Values.ZoomTimestamp.Parse("2026-03-02T15:05:00Z") },
            new() { UserId = "200", JoinTime = sameMinute },
            new() { UserId = "050", JoinTime = Contracts.Values.ZoomTimestamp.Parse("2026-03-02T15:00:30Z") },
        ];
        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants));

        var first = await Store.ReadParticipantsAsync(instance.Uuid, null, 2);
        var second = await Store.ReadParticipantsAsync(instance.Uuid, first.Next, 2);

        Assert.Equal(["050", "200"], first.Participants.Select(p => p.Cursor.UserId));
        Assert.Equal(["300", "100"], second.Participants.Select(p => p.Cursor.UserId));
        Assert.Null(second.Next);
        Assert.Equal("[]", JsonNode.Parse(second.Participants[0].Json.Span)!["user_qos"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task A_session_is_found_by_user_id_or_participant_uuid()
    {
        var instance = Instance("one-uuid==");
        await SeededAsync(Store, instance);
        var participants = Simulated(instance).Participants().ToList();
        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants));
        var target = participants[7];

        var byUserId = await Store.GetParticipantAsync(instance.Uuid, target.UserId!);
        var byUuid = await Store.GetParticipantAsync(instance.Uuid, target.ParticipantUuid!);

        Assert.Equal(target.UserQos!.Count, byUserId!.ToParticipant().UserQos!.Count);
        Assert.Equal(target.UserId, byUuid!.Cursor.UserId);
        Assert.Null(await Store.GetParticipantAsync(instance.Uuid, "nobody"));
        Assert.Null(await Store.GetParticipantAsync("no-such-uuid==", target.UserId!));
    }

    [SkippableFact]
    public async Task A_webinar_id_resolves_to_its_latest_live_or_ended_instance_and_a_uuid_to_itself()
    {
        var older = Instance("older==", start: Start.AddDays(-7));
        var latest = Instance("latest==", start: Start.AddDays(-1));
        var live = Instance("live==", start: Start, live: true);
        var slash = Instance("/DemoQos//Slash+Uuid0w==", webinarId: 81234567892, start: Start.AddDays(-3));
        var foreign = Instance("foreign==", webinarId: 82234567890, account: Other.Id);
        await SeededAsync(Store, older, latest, live, slash, foreign);

        Assert.Equal("latest==", (await Store.ResolveInstanceAsync(Demo.Id, "81234567890", QosListType.Past))!.Uuid);
        Assert.Equal("live==", (await Store.ResolveInstanceAsync(Demo.Id, "81234567890", QosListType.Live))!.Uuid);
        Assert.Equal("older==", (await Store.ResolveInstanceAsync(Demo.Id, "older==", QosListType.Past))!.Uuid);
        Assert.Equal(slash, await Store.ResolveInstanceAsync(Demo.Id, slash.Uuid, QosListType.Past));
        Assert.Null(await Store.ResolveInstanceAsync(Demo.Id, "81234567892", QosListType.Live));
        Assert.Null(await Store.ResolveInstanceAsync(Demo.Id, "82234567890", QosListType.Past));
        Assert.Null(await Store.ResolveInstanceAsync(Demo.Id, "foreign==", QosListType.Past));
        Assert.Equal("foreign==", (await Store.ResolveInstanceAsync(Other.Id, "82234567890", QosListType.Past))!.Uuid);
        Assert.Null(await Store.ResolveInstanceAsync(Demo.Id, "99999999999", QosListType.Past));
        Assert.Null(await Store.ResolveInstanceAsync(Demo.Id, "nope==", QosListType.Live));
        Assert.True((await Store.ResolveInstanceAsync(Demo.Id, "81234567890", QosListType.Live))!.IsLive);
    }

    [SkippableFact]
    public async Task Instances_list_by_type_and_start_range_in_keyset_pages()
    {
        var instances = Enumerable.Range(0, 7)
            .Select(i => Instance($"list-{i}==", webinarId: 81234567800 + i, start: Start.AddDays(-i)))
            .Append(Instance("list-live==", webinarId: 81234567899, start: Start, live: true))
            .ToArray();
        await SeededAsync(Store, instances);

        var collected = new List<WebinarInstance>();
        InstanceCursor? cursor = null;
        do
        {
            var page = await Store.ListInstancesAsync(Demo.Id, QosListType.Past, Start.AddDays(-5), Start.AddDays(1), cursor, 2);
            collected.AddRange(page.Instances);
            cursor = page.Next;
        }
        while (cursor is not null);
        var live = await Store.ListInstancesAsync(Demo.Id, QosListType.Live, Start.AddDays(-30), Start, null, 10);

        Assert.Equal(["list-5==", "list-4==", "list-3==", "list-2==", "list-1==", "list-0=="], collected.Select(i => i.Uuid));
        Assert.Equal("list-live==", Assert.Single(live.Instances).Uuid);
        Assert.Empty((await Store.ListInstancesAsync(Other.Id, QosListType.Past, Start.AddDays(-30), Start.AddDays(1), null, 10)).Instances);
    }

    [SkippableFact]
    public async Task An_instance_uuid_or_webinar_of_another_account_cannot_be_taken_over()
    {
        await SeededAsync(Store, Instance("owned==", webinarId: 81234567890));
        var checksum = await Store.ComputeChecksumAsync();

        await Assert.ThrowsAsync<QosStoreConflictException>(() => Store.UpsertInstanceAsync(Instance("owned==", webinarId: 82234567890, account: Other.Id)));
        await Assert.ThrowsAsync<QosStoreConflictException>(() => Store.UpsertInstanceAsync(Instance("new==", webinarId: 81234567890, account: Other.Id)));
        await Assert.ThrowsAsync<QosStoreNotFoundException>(() => Store.UpsertInstanceAsync(Instance("x==", account: "nobody")));

        Assert.Equal(checksum, await Store.ComputeChecksumAsync());
    }

    [SkippableFact]
    public async Task Two_accounts_claiming_one_instance_at_once_leave_one_owner_and_one_conflict()
    {
        await SeededAsync(Store);

        // Both check that nobody else owns the UUID, then write: the store's lock makes the second wait for the first.
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Claim(Instance("contested==", webinarId: 81234500100 + i, account: i % 2 == 0 ? Demo.Id : Other.Id))));

        Assert.Equal(1, claims.Count(ok => ok));
        var owner = await Store.ResolveInstanceAsync(Demo.Id, "contested==", QosListType.Past) ?? await Store.ResolveInstanceAsync(Other.Id, "contested==", QosListType.Past);
        Assert.NotNull(owner);
    }

    [SkippableFact]
    public async Task Accounts_read_back_and_an_app_authenticates_only_with_its_secret()
    {
        await SeededAsync(Store);
        await Store.UpsertAppAsync(new ApiApp("client-1", Demo.Id, ["dashboard_webinars:read:admin", "qos:write"]), "s3cret-value");

        var app = await Store.AuthenticateAppAsync("client-1", "s3cret-value");

        Assert.Equal(Demo, await Store.GetAccountAsync(Demo.Id));
        Assert.False((await Store.GetAccountAsync(Demo.Id))!.QssSubscription);
        await Store.UpsertAccountAsync(Demo with { QssSubscription = true });
        Assert.True((await Store.GetAccountAsync(Demo.Id))!.QssSubscription);
        Assert.Null(await Store.GetAccountAsync("nobody"));
        Assert.Equal(["dashboard_webinars:read:admin", "qos:write"], app!.Scopes);
        Assert.Equal(Demo.Id, app.AccountId);
        Assert.Null(await Store.AuthenticateAppAsync("client-1", "s3cret-valuE"));
        Assert.Null(await Store.AuthenticateAppAsync("client-2", "s3cret-value"));
        await Assert.ThrowsAsync<QosStoreNotFoundException>(() => Store.UpsertAppAsync(new ApiApp("c", "nobody", []), "x"));
    }

    [SkippableFact]
    public async Task Client_secrets_are_stored_only_salted_and_hashed()
    {
        await SeededAsync(Store);
        const string secret = "same-secret-for-both-4f9c";
        await Store.UpsertAppAsync(new ApiApp("client-a", Demo.Id, ["qos:write"]), secret);
        await Store.UpsertAppAsync(new ApiApp("client-b", Demo.Id, ["qos:write"]), secret);

        var rows = await StoredSecretsAsync();
        var everything = await EverythingStoredAsync();

        Assert.Equal(["client-a", "client-b"], rows.Select(r => r.ClientId).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.True(r.Salt.Length >= 16 && r.Hash.Length >= 32, $"{r.ClientId}: salt {r.Salt.Length} B, hash {r.Hash.Length} B"));
        Assert.False(rows[0].Salt.AsSpan().SequenceEqual(rows[1].Salt), "the same salt twice");
        Assert.False(rows[0].Hash.AsSpan().SequenceEqual(rows[1].Hash), "the same secret hashes alike: unsalted");
        Assert.True(everything.AsSpan().IndexOf("client-b"u8) >= 0, "the dump does not hold the apps at all"); // it can see what is there
        foreach (var form in new[] { System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.Unicode.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret))) })
        {
            Assert.True(everything.AsSpan().IndexOf(form) < 0, "the secret is stored in clear");
        }

        Assert.NotNull(await Store.AuthenticateAppAsync("client-a", secret));
        Assert.Null(await Store.AuthenticateAppAsync("client-a", Convert.ToBase64String(rows[0].Hash)));
    }

    [SkippableFact]
    public async Task Initializing_an_existing_store_again_keeps_its_data()
    {
        var instance = Instance("reopen==");
        await SeededAsync(Store, instance);
        await Store.MergeParticipantsAsync(instance.Uuid, Async(Simulated(instance).Participants()));
        var checksum = await Store.ComputeChecksumAsync();

        await Store.InitializeAsync();

        Assert.Equal(checksum, await Store.ComputeChecksumAsync());
    }

    [SkippableFact]
    public async Task An_archive_checkpoint_is_kept_with_its_page_and_read_back()
    {
        var instance = Instance("checkpoint-uuid==");
        await SeededAsync(Store, instance);
        var participants = Simulated(instance).Participants().ToList();
        Assert.Null(await Store.GetCheckpointAsync(instance.Uuid));

        var at = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants.Take(10)), new ArchiveCheckpoint(instance.Uuid, "token-2", 10, participants.Count, false, at));
        Assert.Equal(new ArchiveCheckpoint(instance.Uuid, "token-2", 10, participants.Count, false, at), await Store.GetCheckpointAsync(instance.Uuid));

        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants.Skip(10)), new ArchiveCheckpoint(instance.Uuid, null, participants.Count, participants.Count, true, at.AddMinutes(1)));
        Assert.Equal(new ArchiveCheckpoint(instance.Uuid, null, participants.Count, participants.Count, true, at.AddMinutes(1)), await Store.GetCheckpointAsync(instance.Uuid));
        Assert.Equal(participants.Count, await Store.CountParticipantsAsync(instance.Uuid));
    }

    [SkippableFact]
    public async Task A_checkpointed_merge_that_fails_keeps_neither_the_page_nor_the_checkpoint()
    {
        var instance = Instance("checkpoint-fail-uuid==");
        await SeededAsync(Store, instance);
        var participants = Simulated(instance).Participants().ToList();
        var at = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        await Store.MergeParticipantsAsync(instance.Uuid, Async(participants.Take(10)), new ArchiveCheckpoint(instance.Uuid, "token-2", 10, null, false, at));

        async IAsyncEnumerable<ParticipantQos> Broken()
        {
            yield return participants[10];
            await Task.Yield();
            throw new IOException("the connection dropped");
        }

        await Assert.ThrowsAsync<IOException>(() =>
            Store.MergeParticipantsAsync(instance.Uuid, Broken(), new ArchiveCheckpoint(instance.Uuid, "token-3", 20, null, false, at.AddSeconds(1))));

        Assert.Equal("token-2", (await Store.GetCheckpointAsync(instance.Uuid))!.NextPageToken);
        Assert.Equal(10, await Store.CountParticipantsAsync(instance.Uuid));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.MergeParticipantsAsync(instance.Uuid, Async(participants.Take(1)), new ArchiveCheckpoint("another-uuid==", null, 1, null, true, at)));
    }

    [SkippableFact]
    public async Task A_session_or_minute_given_twice_in_one_merge_keeps_the_last()
    {
        var instance = Instance("twice-in-one-uuid==");
        await SeededAsync(Store, instance);
        var participants = Simulated(instance).Participants().Take(3).ToList();
        var first = participants[0];
        var renamed = first with { UserName = "Renamed", UserQos = [.. first.UserQos!, first.UserQos![0] with { CpuUsage = null }] };

        await Store.MergeParticipantsAsync(instance.Uuid, Async([first, participants[1], renamed, participants[2]]));

        var stored = (await Store.GetParticipantAsync(instance.Uuid, first.UserId!))!.ToParticipant();
        Assert.Equal("Renamed", stored.UserName);
        Assert.Equal(first.UserQos!.Count, stored.UserQos!.Count);
        Assert.Null(stored.UserQos[0].CpuUsage);
        Assert.Equal(3, await Store.CountParticipantsAsync(instance.Uuid));
    }

    [SkippableFact]
    public async Task An_instance_whose_data_is_withheld_reads_back_withheld_until_released()
    {
        var instance = Instance("withheld-uuid==") with { DataWithheld = true };
        await SeededAsync(Store, instance);

        Assert.True((await Store.ResolveInstanceAsync(instance.AccountId, instance.Uuid, QosListType.Past))!.DataWithheld);
        await Store.UpsertInstanceAsync(instance with { DataWithheld = false });
        Assert.False((await Store.ResolveInstanceAsync(instance.AccountId, instance.Uuid, QosListType.Past))!.DataWithheld);
    }

    /// <summary>Opens a new, empty store of the implementation under test (not yet initialised).</summary>
    protected abstract Task<IQosStore> OpenEmptyStoreAsync();

    /// <summary>Another store object on the same database as <see cref="Store"/>, as a second node would open it.</summary>
    protected abstract IQosStore OpenSameStore();

    /// <summary>Removes whatever <see cref="OpenEmptyStoreAsync"/> created.</summary>
    protected abstract Task DisposeStorageAsync();

    /// <summary>The apps' stored salt and hash, read around the store.</summary>
    protected abstract Task<IReadOnlyList<(string ClientId, byte[] Salt, byte[] Hash)>> StoredSecretsAsync();

    /// <summary>Every byte the store holds (its files, or a dump of every table), to search for what must not be there.</summary>
    protected abstract Task<byte[]> EverythingStoredAsync();

    private async Task<bool> Claim(ZoomQos.Contracts.Webinars.WebinarInstance instance)
    {
        try
        {
            await Store.UpsertInstanceAsync(instance);
            return true;
        }
        catch (QosStoreConflictException)
        {
            return false;
        }
    }
}
