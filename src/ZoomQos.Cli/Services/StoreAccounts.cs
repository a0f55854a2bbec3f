using ZoomQos.Contracts.Accounts;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Services;

/// <summary>The account a command writes into, created when the store lacks it (a Business account with the Dashboard on).</summary>
internal static class StoreAccounts
{
    public static async Task EnsureAsync(IQosStore store, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetAccountAsync(accountId, cancellationToken) is null)
        {
            await store.UpsertAccountAsync(new Account(accountId, AccountPlan.Business, DashboardEnabled: true, PrivacyBlanking: false), cancellationToken);
        }
    }
}
