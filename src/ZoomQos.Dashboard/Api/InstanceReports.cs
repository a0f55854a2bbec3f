using System.Globalization;
using ZoomQos.Analysis;
using ZoomQos.Contracts.Qos;
using ZoomQos.Dashboard.Report;
using ZoomQos.Storage;

namespace ZoomQos.Dashboard.Api;

/// <summary>An instance's report document, analysed from its samples as the account may see them (privacy blanking applies).</summary>
internal static class InstanceReports
{
    /// <summary>The document, or <see langword="null"/> when the account has no such instance (another account's included).</summary>
    public static async Task<ReportDocument?> BuildAsync(IQosStore store, string accountId, string uuid, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await store.GetAccountAsync(accountId, cancellationToken);
        var instance = account is null ? null : await store.ResolveInstanceAsync(account.Id, uuid, QosListType.Past, cancellationToken);
        if (account is null || instance is null || instance.Uuid != uuid)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var analyzer = new QosAnalyzer(window: AnalysisWindow.For(instance, now));
        ParticipantCursor? after = null;
        do
        {
            using var page = await store.ReadParticipantsAsync(instance.Uuid, after, 100, cancellationToken);
            foreach (var participant in page.Participants)
            {
                var session = participant.ToParticipant();
                analyzer.Add(account.PrivacyBlanking ? session.WithPrivacyBlanking() : session);
            }

            after = page.Next;
        }
        while (after is not null);

        return new ReportDocument(instance.WebinarId.ToString(CultureInfo.InvariantCulture), instance.IsLive ? "live" : "past", "ZoomQos archive · " + instance.Topic, now, analyzer.Complete());
    }
}
