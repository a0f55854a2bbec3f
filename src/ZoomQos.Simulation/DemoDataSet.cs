using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Simulation;

/// <summary>
/// The demo data set of <c>zoomqos serve --seed demo</c> and <c>zoomqos demo</c>, laid out relative to a
/// reference time (now, for the CLI). Like Azurite's well-known key, its accounts and secrets are public and
/// exist only when asked for.
/// </summary>
public sealed class DemoDataSet
{
    /// <summary>The main account: Business plan, Dashboard on.</summary>
    public const string AccountId = "demo";

    /// <summary>An account with privacy blanking on (no HIPAA BAA).</summary>
    public const string HipaaAccountId = "demo-hipaa";

    /// <summary>A Pro account without the Dashboard feature.</summary>
    public const string ProAccountId = "demo-pro";

    /// <summary>A master account over <see cref="AccountId"/> and <see cref="HipaaAccountId"/> (not <see cref="ProAccountId"/>), with no data of its own.</summary>
    public const string MasterAccountId = "demo-master";

    /// <summary>"Quarterly all-hands": three past instances; the latest has every planted fault.</summary>
    public const long AllHandsWebinarId = 81234567890;

    /// <summary>A webinar live at the reference time, its samples accruing minute by minute; its faults are planted (the presenter's uplink fails at minute 40).</summary>
    public const long LiveWebinarId = 81234567891;

    /// <summary>A past webinar whose instance UUID begins with <c>/</c> and contains <c>//</c> (double encoding).</summary>
    public const long SlashUuidWebinarId = 81234567892;

    /// <summary>A webinar that ended 13 months before the reference time (past Zoom's retention).</summary>
    public const long ExpiredWebinarId = 81234567893;

    /// <summary>A past webinar with exactly 12 participant sessions.</summary>
    public const long TwelveSessionWebinarId = 81234567894;

    /// <summary>The privacy-blanked account's webinar.</summary>
    public const long HipaaWebinarId = 82234567890;

    /// <summary>"Weekly engineering sync", a recurring meeting: three past instances; in the latest (ended yesterday) the participant sharing their screen loses their uplink for six minutes.</summary>
    public const long WeeklySyncMeetingId = 85234567890;

    /// <summary>A meeting live at the reference time (12 participants).</summary>
    public const long LiveMeetingId = 85234567891;

    /// <summary>The UUID of <see cref="SlashUuidWebinarId"/>'s instance.</summary>
    public const string SlashUuid = "/DemoQos//Slash+Uuid0w==";

    /// <summary>The seed the CLI uses.</summary>
    public const int DefaultSeed = 20_261_126;

    /// <summary>How long the live webinar runs in all.</summary>
    public const int LiveDurationMinutes = 120;

    /// <summary>How long the live webinar has been running at the reference time.</summary>
    public const int LiveElapsedMinutes = 25;

    /// <summary>How long the live meeting runs in all.</summary>
    public const int LiveMeetingDurationMinutes = 60;

    /// <summary>How long the live meeting has been running at the reference time.</summary>
    public const int LiveMeetingElapsedMinutes = 15;

    private const string DashboardScope = "dashboard_webinars:read:admin";
    private const string MeetingsScope = "dashboard_meetings:read:admin";

    /// <summary>The password of every demo dashboard user: a well-known development value, like the apps' secrets.</summary>
    public const string DemoUserPassword = "demo-password";

    /// <summary>
    /// The people who come to every webinar of the demo account (the all-hands, the live launch, office hours, the team
    /// sync): the first always joins from a weak Wi-Fi, so trends find her poor in every one of them.
    /// </summary>
    public static IReadOnlyList<RegularAttendee> Regulars { get; } =
    [
        new("Radia Perlman", "radia.perlman@example.com", WeakWifi: true),
        new("Vint Cerf", "vint.cerf@example.com"),
        new("Hedy Lamarr", "hedy.lamarr@example.com"),
        new("Donald Knuth", "donald.knuth@example.com"),
    ];

    private DemoDataSet(DateTimeOffset referenceTime, IReadOnlyList<Account> accounts, IReadOnlyList<DemoApp> apps, IReadOnlyList<SimulatedWebinar> webinars)
    {
        ReferenceTime = referenceTime;
        Accounts = accounts;
        Apps = apps;
        Webinars = webinars;
    }

    /// <summary>The moment the data set is laid out around.</summary>
    public DateTimeOffset ReferenceTime { get; }

    /// <summary>The accounts: <c>demo-master</c>, <c>demo</c>, <c>demo-hipaa</c>, <c>demo-pro</c>.</summary>
    public IReadOnlyList<Account> Accounts { get; }

    /// <summary>The apps and their well-known secrets.</summary>
    public IReadOnlyList<DemoApp> Apps { get; }

    /// <summary>The dashboard users, one per account with the Dashboard on (email, account); each signs in with <see cref="DemoUserPassword"/>.</summary>
    public IReadOnlyList<(string Email, string AccountId)> Users { get; } = [("demo@example.com", AccountId), ("hipaa@example.com", HipaaAccountId)];

    /// <summary>Every webinar and meeting instance of every account (<see cref="WebinarInstance.Kind"/> tells which).</summary>
    public IReadOnlyList<SimulatedWebinar> Webinars { get; }

    /// <summary>The latest "Quarterly all-hands" instance (ended yesterday), which carries every planted fault.</summary>
    public SimulatedWebinar AllHands => Latest(AllHandsWebinarId);

    /// <summary>The webinar in progress at the reference time.</summary>
    public SimulatedWebinar Live => Latest(LiveWebinarId);

    /// <summary>The latest "Weekly engineering sync" instance (ended yesterday), whose sharer's uplink fails.</summary>
    public SimulatedWebinar WeeklySync => Latest(WeeklySyncMeetingId);

    /// <summary>The meeting in progress at the reference time.</summary>
    public SimulatedWebinar LiveMeeting => Latest(LiveMeetingId);

    /// <summary>Everything in progress at the reference time: the live webinar and the live meeting.</summary>
    public IReadOnlyList<SimulatedWebinar> InProgress => [Live, LiveMeeting];

    /// <summary>Builds the data set around <paramref name="referenceTime"/>; the same time and seed give the same data.</summary>
    /// <param name="referenceTime">Now, usually.</param>
    /// <param name="seed">The random seed.</param>
    public static DemoDataSet Create(DateTimeOffset referenceTime, int seed = DefaultSeed)
    {
        var now = referenceTime.ToUniversalTime();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var uuids = new Random(seed);

        Account[] accounts =
        [
            new(MasterAccountId, AccountPlan.Business, DashboardEnabled: true, PrivacyBlanking: false),
            new(AccountId, AccountPlan.Business, DashboardEnabled: true, PrivacyBlanking: false) { QssSubscription = true, MasterAccountId = MasterAccountId },
            new(HipaaAccountId, AccountPlan.Business, DashboardEnabled: true, PrivacyBlanking: true) { MasterAccountId = MasterAccountId },
            new(ProAccountId, AccountPlan.Pro, DashboardEnabled: false, PrivacyBlanking: false),
        ];
        DemoApp[] apps =
        [
            new(new ApiApp("demo-client-id", AccountId, [DashboardScope, MeetingsScope]), "demo-client-secret"),
            new(new ApiApp("demo-noscope-client-id", AccountId, ["meeting:read:admin"]), "demo-noscope-client-secret"),
            new(new ApiApp("demo-ingest-client-id", AccountId, ["qos:write"]), "demo-ingest-client-secret"),
            new(new ApiApp("demo-hipaa-client-id", HipaaAccountId, [DashboardScope, MeetingsScope]), "demo-hipaa-client-secret"),
            new(new ApiApp("demo-pro-client-id", ProAccountId, [DashboardScope, MeetingsScope]), "demo-pro-client-secret"),
            new(new ApiApp("demo-master-client-id", MasterAccountId, ["dashboard:master"]), "demo-master-client-secret"),
        ];

        var yesterday = today.AddDays(-1).AddHours(16);
        var webinars = new List<SimulatedWebinar>
        {
            // Quarterly all-hands: two older, smaller instances and the latest, with every fault.
            Past(AllHandsWebinarId, "Quarterly all-hands", NewUuid(uuids), yesterday.AddDays(-182), 60, panelists: 2, attendees: 60, seed + 1, regulars: Regulars),
            Past(AllHandsWebinarId, "Quarterly all-hands", NewUuid(uuids), yesterday.AddDays(-91), 60, panelists: 2, attendees: 60, seed + 2, regulars: Regulars),
            Past(AllHandsWebinarId, "Quarterly all-hands", NewUuid(uuids), yesterday, 90, panelists: 3, attendees: 1000, seed + 3, faults: true, regulars: Regulars),
            WebinarSimulator.Simulate(new WebinarSpec(
                Instance(LiveWebinarId, "Live product launch", NewUuid(uuids), AccountId, minute.AddMinutes(-LiveElapsedMinutes), end: null),
                Panelists: 2,
                AttendeeSessions: 200,
                DurationMinutes: LiveDurationMinutes,
                Seed: seed + 4,
                PlantFaults: true,
                Regulars: Regulars)), // the panelist's uplink fails at minute 40, for `watch` to catch
            Past(SlashUuidWebinarId, "Office hours (slash UUID)", SlashUuid, today.AddDays(-3).AddHours(15), 45, panelists: 1, attendees: 20, seed + 5, regulars: Regulars),
            Past(ExpiredWebinarId, "Kick-off, 13 months ago", NewUuid(uuids), yesterday.AddMonths(-13), 30, panelists: 1, attendees: 10, seed + 6),
            Past(TwelveSessionWebinarId, "Team sync", NewUuid(uuids), today.AddDays(-2).AddHours(14), 40, panelists: 1, attendees: 11, seed + 7, regulars: Regulars),
            Past(HipaaWebinarId, "Patient education", NewUuid(uuids), today.AddDays(-4).AddHours(18), 60, panelists: 1, attendees: 50, seed + 8, account: HipaaAccountId),

            // Weekly engineering sync: a meeting, every participant sending; the latest has the sharer's failing uplink.
            Meeting(WeeklySyncMeetingId, "Weekly engineering sync", NewUuid(uuids), yesterday.AddDays(-14), 60, 26, null, seed + 9, faults: false),
            Meeting(WeeklySyncMeetingId, "Weekly engineering sync", NewUuid(uuids), yesterday.AddDays(-7), 60, 28, null, seed + 10, faults: false),
            Meeting(WeeklySyncMeetingId, "Weekly engineering sync", NewUuid(uuids), yesterday.AddHours(-6), 60, 30, null, seed + 11, faults: true),
            Meeting(LiveMeetingId, "Design review", NewUuid(uuids), minute.AddMinutes(-LiveMeetingElapsedMinutes), LiveMeetingDurationMinutes, 12, ended: false, seed + 12, faults: false),
        };

        return new DemoDataSet(now, accounts, apps, webinars);
    }

    /// <summary>The instances of one webinar, oldest first.</summary>
    /// <param name="webinarId">The webinar ID.</param>
    public IReadOnlyList<SimulatedWebinar> InstancesOf(long webinarId) =>
        [.. Webinars.Where(w => w.Instance.WebinarId == webinarId).OrderBy(w => w.Instance.StartTime)];

    private SimulatedWebinar Latest(long webinarId) => InstancesOf(webinarId)[^1];

    private static SimulatedWebinar Past(long webinarId, string topic, string uuid, DateTimeOffset start, int minutes, int panelists, int attendees, int seed, bool faults = false, string account = AccountId, IReadOnlyList<RegularAttendee>? regulars = null) =>
        WebinarSimulator.Simulate(new WebinarSpec(
            Instance(webinarId, topic, uuid, account, start, start.AddMinutes(minutes)),
            panelists,
            attendees,
            minutes,
            seed,
            faults,
            regulars));

    // A meeting ends after its minutes unless it is live (ended: false).
    private static SimulatedWebinar Meeting(long meetingId, string topic, string uuid, DateTimeOffset start, int minutes, int participants, bool? ended, int seed, bool faults) =>
        WebinarSimulator.Simulate(new WebinarSpec(
            Instance(meetingId, topic, uuid, AccountId, start, ended == false ? null : start.AddMinutes(minutes)) with { Kind = QosEventKind.Meeting },
            Panelists: 0,
            AttendeeSessions: participants,
            DurationMinutes: minutes,
            Seed: seed,
            PlantFaults: faults));

    private static WebinarInstance Instance(long webinarId, string topic, string uuid, string account, DateTimeOffset start, DateTimeOffset? end) =>
        new(uuid, webinarId, account, topic, "Grace Hopper", "grace.hopper@example.com", start, end);

    private static string NewUuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }
}
