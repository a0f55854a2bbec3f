using ZoomQos.Contracts.Accounts;
using ZoomQos.Storage.Users;
using static ZoomQos.Storage.Tests.Support.StoreFixture;

namespace ZoomQos.Storage.Tests;

/// <summary>Apps and dashboard users as an administrator manages them, on every store.</summary>
public abstract partial class QosStoreContractTests
{
    [SkippableFact]
    public async Task A_sub_account_keeps_its_master_and_loses_it_when_replaced_without_one()
    {
        await SeededAsync(Store);
        var sub = Other with { MasterAccountId = Demo.Id };

        await Store.UpsertAccountAsync(sub);
        var read = await Store.GetAccountAsync(Other.Id);
        await Store.UpsertAccountAsync(Other);

        Assert.Equal(sub, read);
        Assert.Null((await Store.GetAccountAsync(Other.Id))!.MasterAccountId);
        Assert.Null((await Store.GetAccountAsync(Demo.Id))!.MasterAccountId);
    }

    [SkippableFact]
    public async Task Apps_list_by_account_without_secrets_and_a_removed_app_no_longer_authenticates()
    {
        await SeededAsync(Store);
        await Store.UpsertAppAsync(new ApiApp("b-client", Demo.Id, ["dashboard_webinars:read:admin"]), "secret-b");
        await Store.UpsertAppAsync(new ApiApp("a-client", Demo.Id, ["dashboard:read:admin", "qos:write"]), "secret-a");
        await Store.UpsertAppAsync(new ApiApp("other-client", Other.Id, ["dashboard:read:admin"]), "secret-o");

        var demoApps = await Store.ListAppsAsync(Demo.Id);
        var all = await Store.ListAppsAsync(null);
        var removed = await Store.RemoveAppAsync("a-client");
        var removedAgain = await Store.RemoveAppAsync("a-client");

        Assert.Equal(["a-client", "b-client"], demoApps.Select(a => a.ClientId));
        Assert.Equal(["dashboard:read:admin", "qos:write"], demoApps[0].Scopes);
        Assert.Equal(["a-client", "b-client", "other-client"], all.Select(a => a.ClientId));
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(await Store.AuthenticateAppAsync("a-client", "secret-a"));
        Assert.NotNull(await Store.AuthenticateAppAsync("b-client", "secret-b"));
        Assert.Equal(["b-client"], (await Store.ListAppsAsync(Demo.Id)).Select(a => a.ClientId));
    }

    [SkippableFact]
    public async Task A_dashboard_user_is_found_by_email_in_any_case_and_belongs_to_one_account()
    {
        await SeededAsync(Store);
        var created = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        await Store.AddUserAsync(new DashboardUser(" Ada@Example.com ", Demo.Id, created), "hash-1");
        await Store.AddUserAsync(new DashboardUser("zed@example.com", Other.Id, created), "hash-2");

        var found = await Store.FindUserAsync("ADA@example.COM");

        Assert.Equal(new StoredUser(new DashboardUser("ada@example.com", Demo.Id, created), "hash-1"), found);
        Assert.Null(await Store.FindUserAsync("nobody@example.com"));
        Assert.Equal(["ada@example.com"], (await Store.ListUsersAsync(Demo.Id)).Select(u => u.Email));
        Assert.Equal(["ada@example.com", "zed@example.com"], (await Store.ListUsersAsync(null)).Select(u => u.Email));
    }

    [SkippableFact]
    public async Task A_duplicate_user_or_a_missing_account_is_refused_and_changes_nothing()
    {
        await SeededAsync(Store);
        var created = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        await Store.AddUserAsync(new DashboardUser("ada@example.com", Demo.Id, created), "hash-1");
        var before = await Store.ComputeChecksumAsync();

        var duplicate = await Assert.ThrowsAsync<QosStoreConflictException>(() => Store.AddUserAsync(new DashboardUser("ADA@example.com", Other.Id, created), "hash-2"));
        await Assert.ThrowsAsync<QosStoreNotFoundException>(() => Store.AddUserAsync(new DashboardUser("bob@example.com", "nobody", created), "hash-3"));

        Assert.Contains("ada@example.com already exists", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Store.ComputeChecksumAsync());
        Assert.True(await Store.RemoveUserAsync("Ada@example.com"));
        Assert.False(await Store.RemoveUserAsync("ada@example.com"));
        Assert.Null(await Store.FindUserAsync("ada@example.com"));
    }

    [SkippableFact]
    public async Task A_lease_has_one_holder_across_store_objects_until_it_is_released()
    {
        await SeededAsync(Store);
        await using var other = OpenSameStore();

        var first = await Store.TryAcquireLeaseAsync("sync:acct-a");
        var second = await other.TryAcquireLeaseAsync("sync:acct-a");
        var unrelated = await other.TryAcquireLeaseAsync("sync:acct-b");

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(unrelated);
        Assert.True(await first.StillHeldAsync());
        await first.DisposeAsync();
        await using var taken = await other.TryAcquireLeaseAsync("sync:acct-a");
        Assert.NotNull(taken);
        Assert.Null(await Store.TryAcquireLeaseAsync("sync:acct-a"));
        await unrelated.DisposeAsync();
    }

    [SkippableFact]
    public async Task Data_protection_keys_are_kept_once_by_name_and_read_back_by_every_store_object()
    {
        await SeededAsync(Store);
        await using var other = OpenSameStore();

        await Store.SaveProtectionKeyAsync("key-b", "<key id=\"b\"/>");
        await other.SaveProtectionKeyAsync("key-a", "<key id=\"a\"/>");
        await Store.SaveProtectionKeyAsync("key-a", "<key id=\"changed\"/>");

        Assert.Equal(["<key id=\"a\"/>", "<key id=\"b\"/>"], await other.ReadProtectionKeysAsync());
        Assert.Equal(await other.ReadProtectionKeysAsync(), await Store.ReadProtectionKeysAsync());
    }
}
