using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Storage.Summaries;
using ZoomQos.Storage.Users;
using ZoomQos.Storage.Webhooks;

namespace ZoomQos.Storage;

/// <summary>
/// ZoomQos.Storage keeps QoS data in a real database: accounts and their OAuth apps, webinars and their
/// instances, participant sessions and their per-minute samples. The server serves from it, the CLI archives
/// into it, the simulator fills it. SQLite (<see cref="Sqlite.SqliteQosStore"/>) is the embedded default.
/// <para>
/// Sessions are keyed by instance UUID + <c>user_id</c>, samples by their <c>date_time</c>; merges are
/// idempotent and all-or-nothing; pages are keyset reads ordered by <c>join_time</c>, then <c>user_id</c>;
/// what goes in comes out JSON-equal, unknown fields and raw value strings included.
/// </para>
/// </summary>
public interface IQosStore : IAsyncDisposable
{
    /// <summary>Creates or migrates the schema. Safe to call on every start.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an account.</summary>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task UpsertAccountAsync(Account account, CancellationToken cancellationToken = default);

    /// <summary>The account, or <see langword="null"/> when unknown.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<Account?> GetAccountAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an app; the secret is stored only as a salted hash.</summary>
    /// <param name="app">The app.</param>
    /// <param name="clientSecret">The client secret, hashed before it is stored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task UpsertAppAsync(ApiApp app, string clientSecret, CancellationToken cancellationToken = default);

    /// <summary>
    /// The app whose client id and secret these are, or <see langword="null"/> when either is wrong. The secret
    /// is compared in constant time against its salted hash; which of the two was wrong is not revealed.
    /// </summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<ApiApp?> AuthenticateAppAsync(string clientId, string clientSecret, CancellationToken cancellationToken = default);

    /// <summary>The apps of an account (of every account for <see langword="null"/>), by account, then client id; no secret.</summary>
    /// <param name="accountId">The account, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<ApiApp>> ListAppsAsync(string? accountId, CancellationToken cancellationToken = default);

    /// <summary>The app with this client id (no secret), or <see langword="null"/>: a cheap check that it still exists.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<ApiApp?> FindAppAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Removes an app: its credentials get no new token. <see langword="false"/> when there was none.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<bool> RemoveAppAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Adds a dashboard user of an existing account; the email is kept normalized (<see cref="DashboardUser.Normalize"/>).</summary>
    /// <param name="user">The user.</param>
    /// <param name="passwordHash">The hash of their password, made by the caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="QosStoreNotFoundException">The account does not exist.</exception>
    /// <exception cref="QosStoreConflictException">A user with that email exists.</exception>
    Task AddUserAsync(DashboardUser user, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>The dashboard user with this email (in any case), with their password hash; <see langword="null"/> when unknown.</summary>
    /// <param name="email">The email.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<StoredUser?> FindUserAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>The dashboard users of an account (of every account for <see langword="null"/>), by account, then email.</summary>
    /// <param name="accountId">The account, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<DashboardUser>> ListUsersAsync(string? accountId, CancellationToken cancellationToken = default);

    /// <summary>Removes a dashboard user. <see langword="false"/> when there was none.</summary>
    /// <param name="email">The email.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<bool> RemoveUserAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates an instance (and its webinar). An instance UUID owned by another account is refused.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="QosStoreConflictException">The UUID belongs to another account or webinar.</exception>
    Task UpsertInstanceAsync(WebinarInstance instance, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves what a caller named, a webinar's or a meeting's (one number space): a numeric ID means its latest instance (for <c>live</c> the one in
    /// progress, for <c>past</c> the most recently ended one); anything else is an instance UUID. Another
    /// account's instance is not found.
    /// </summary>
    /// <param name="accountId">The caller's account.</param>
    /// <param name="webinarIdOrUuid">A webinar ID (digits) or an instance UUID, already decoded.</param>
    /// <param name="type">Live or past.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<WebinarInstance?> ResolveInstanceAsync(string accountId, string webinarIdOrUuid, QosListType type, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists an account's instances (of one kind, or of both): in progress for <c>live</c>, ended with a start in
    /// [<paramref name="startFrom"/>, <paramref name="startTo"/>) for <c>past</c>; ordered by start time, then UUID; after a keyset position.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="type">Live or past.</param>
    /// <param name="startFrom">Earliest start (inclusive).</param>
    /// <param name="startTo">Latest start (exclusive).</param>
    /// <param name="after">The position after which to read, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">At most this many instances.</param>
    /// <param name="kind">Only webinars or only meetings; both for <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<InstancePage> ListInstancesAsync(string accountId, QosListType type, DateTimeOffset startFrom, DateTimeOffset startTo, InstanceCursor? after, int limit, QosEventKind? kind = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges participant sessions and their samples into an instance, in one transaction: a new session or
    /// minute is added, a changed one replaced, an identical one left alone. If the sequence fails midway,
    /// nothing of it is kept.
    /// </summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="participants">The sessions, each with any number of samples.</param>
    /// <param name="cancellationToken">Cancels the work (and rolls it back).</param>
    /// <exception cref="QosStoreNotFoundException">The instance is unknown.</exception>
    Task<MergeResult> MergeParticipantsAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces what the instance holds with these sessions, in one transaction: its stored sessions, samples, archive
    /// checkpoint, summary and session outcomes go, then the sessions are merged. If the sequence fails midway, the
    /// instance keeps what it had.
    /// </summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="participants">The sessions, each with any number of samples.</param>
    /// <param name="cancellationToken">Cancels the work (and rolls it back).</param>
    /// <exception cref="QosStoreNotFoundException">The instance is unknown.</exception>
    Task<MergeResult> ReplaceParticipantsAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges like <see cref="MergeParticipantsAsync(string, IAsyncEnumerable{ParticipantQos}, CancellationToken)"/>
    /// and records the archive checkpoint in the same transaction: both are kept, or neither.
    /// </summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="participants">The sessions of one page.</param>
    /// <param name="checkpoint">Where the walk stands after this page.</param>
    /// <param name="cancellationToken">Cancels the work (and rolls it back).</param>
    /// <exception cref="QosStoreNotFoundException">The instance is unknown.</exception>
    Task<MergeResult> MergeParticipantsAsync(string instanceUuid, IAsyncEnumerable<ParticipantQos> participants, ArchiveCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The archive checkpoint of an instance, or <see langword="null"/> when it was never archived.</summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<ArchiveCheckpoint?> GetCheckpointAsync(string instanceUuid, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of sessions with all their samples, ordered by <c>join_time</c>, then <c>user_id</c>.</summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="after">The position after which to read, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">At most this many sessions.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<ParticipantPage> ReadParticipantsAsync(string instanceUuid, ParticipantCursor? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many sessions an instance has.</summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<long> CountParticipantsAsync(string instanceUuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The instance's session count and its revision, which every merge into it raises (by one or more; never lowers), read
    /// together: what a page of it depends on besides the page's own query. Zeros for an instance that does not exist.
    /// </summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<InstancePageState> ReadPageStateAsync(string instanceUuid, CancellationToken cancellationToken = default);

    /// <summary>One session by its <c>user_id</c> or <c>participant_uuid</c>, with its samples; <see langword="null"/> when unknown.</summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="participantId">A <c>user_id</c> or <c>participant_uuid</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<StoredParticipant?> GetParticipantAsync(string instanceUuid, string participantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores an instance's analysis summary and its sessions' results, replacing any earlier ones, in one transaction.
    /// </summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="json">The summary document.</param>
    /// <param name="sessions">Each session's result.</param>
    /// <param name="computedAt">When it was computed.</param>
    /// <param name="cancellationToken">Cancels the work (and rolls it back).</param>
    /// <exception cref="QosStoreNotFoundException">The instance is unknown.</exception>
    Task SaveSummaryAsync(string instanceUuid, ReadOnlyMemory<byte> json, IReadOnlyList<SessionOutcome> sessions, DateTimeOffset computedAt, CancellationToken cancellationToken = default);

    /// <summary>An instance's stored summary, or <see langword="null"/> when it has none (or is another account's).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<StoredSummary?> GetSummaryAsync(string accountId, string instanceUuid, CancellationToken cancellationToken = default);

    /// <summary>The stored summaries of an account's instances that started in [<paramref name="startFrom"/>, <paramref name="startTo"/>), of one webinar if given, by start.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="startFrom">Earliest start (inclusive).</param>
    /// <param name="startTo">Latest start (exclusive).</param>
    /// <param name="webinarId">Only this webinar's instances, or all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<StoredSummary>> ListSummariesAsync(string accountId, DateTimeOffset startFrom, DateTimeOffset startTo, long? webinarId = null, CancellationToken cancellationToken = default);

    /// <summary>Every stored session result of one person (<see cref="SessionOutcome.Person"/>, exactly) in an account's instances of the range, by start.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="person">The person key.</param>
    /// <param name="startFrom">Earliest start (inclusive).</param>
    /// <param name="startTo">Latest start (exclusive).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<SessionOutcomeHit>> FindSessionOutcomesAsync(string accountId, string person, DateTimeOffset startFrom, DateTimeOffset startTo, CancellationToken cancellationToken = default);

    /// <summary>Keeps a verified QSS webhook event, once: <see langword="false"/> when one with the same digest is already kept.</summary>
    /// <param name="qssEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<bool> SaveQssEventAsync(QssEvent qssEvent, CancellationToken cancellationToken = default);

    /// <summary>The kept QSS events of one of an account's instances, by <c>event_ts</c>, of one event name if given.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="eventName">Only events of this name, or all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<QssEvent>> ReadQssEventsAsync(string accountId, string instanceUuid, string? eventName = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// People of an account's stored session results whose person key (email) or name contains <paramref name="text"/>,
    /// case-insensitively: those in the most instances first.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="text">What to look for (<c>%</c> and <c>_</c> are plain characters).</param>
    /// <param name="limit">At most this many people.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<PersonMatch>> SearchPeopleAsync(string accountId, string text, int limit, CancellationToken cancellationToken = default);

    /// <summary>An account's ended instances that started in the range and have no stored summary yet, the latest first.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="startFrom">Earliest start (inclusive).</param>
    /// <param name="startTo">Latest start (exclusive).</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<WebinarInstance>> ListUnsummarizedAsync(string accountId, DateTimeOffset startFrom, DateTimeOffset startTo, int limit, CancellationToken cancellationToken = default);

    /// <summary>The stored session results of one instance, by <c>user_id</c>.</summary>
    /// <param name="instanceUuid">The instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<SessionOutcome>> ReadSessionOutcomesAsync(string instanceUuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the lease named <paramref name="name"/> if nobody holds it (on PostgreSQL across every node of the database;
    /// on SQLite across every process of the file), or returns <see langword="null"/> at once.
    /// </summary>
    /// <param name="name">What the lease is for, e.g. <c>sync:ACCOUNT</c>.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    Task<IStoreLease?> TryAcquireLeaseAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The dashboard's Data Protection key ring: every key's XML, as ASP.NET Core stored it.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<string>> ReadProtectionKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a Data Protection key (keys are never changed once written; a name already stored is left as it is).</summary>
    /// <param name="name">The key's name.</param>
    /// <param name="xml">Its XML.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task SaveProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default);

    /// <summary>A digest of every row in a canonical order: equal digests mean equal contents.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<string> ComputeChecksumAsync(CancellationToken cancellationToken = default);
}
