namespace ZoomQos.Storage;

/// <summary>
/// How far <c>zoomqos archive</c> got with one instance: written in the same transaction as the page it follows,
/// so that a run stopped at any point resumes exactly after the last stored page.
/// </summary>
/// <param name="InstanceUuid">The instance.</param>
/// <param name="NextPageToken">The token of the next page to fetch; <see langword="null"/> once complete.</param>
/// <param name="SessionsFetched">Sessions stored by the walk so far.</param>
/// <param name="TotalRecords">The source's <c>total_records</c>, when it said.</param>
/// <param name="Complete">Whether every page was stored.</param>
/// <param name="UpdatedAt">When the checkpoint was written; page tokens expire 15 minutes after they are issued.</param>
public sealed record ArchiveCheckpoint(
    string InstanceUuid,
    string? NextPageToken,
    long SessionsFetched,
    long? TotalRecords,
    bool Complete,
    DateTimeOffset UpdatedAt)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"ArchiveCheckpoint {{ InstanceUuid = {InstanceUuid}, SessionsFetched = {SessionsFetched}, TotalRecords = {TotalRecords}, Complete = {Complete}, UpdatedAt = {UpdatedAt:O} }}";
}
