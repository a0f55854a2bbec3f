using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Storage;

/// <summary>The account an archive writes into (archive, import, simulate, the sync, the QSS webhook receiver), created when the store lacks it: a Business account with the Dashboard on.</summary>
public static class StoreAccounts
{
    /// <summary>Creates the account unless the store has it.</summary>
    /// <param name="store">The store.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task EnsureAsync(IQosStore store, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetAccountAsync(accountId, cancellationToken) is null)
        {
            await store.UpsertAccountAsync(new Account(accountId, AccountPlan.Business, DashboardEnabled: true, PrivacyBlanking: false), cancellationToken);
        }
    }
}
