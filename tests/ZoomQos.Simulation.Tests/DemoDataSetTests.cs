using System.Security.Cryptography;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Simulation.Tests;

public class DemoDataSetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 47, 31, TimeSpan.Zero);

    private static readonly DemoDataSet Demo = DemoDataSet.Create(Now);

    [Fact]
    public void The_accounts_and_apps_are_the_well_known_ones()
    {
        Assert.Equal(
            [
                new Account("demo-master", AccountPlan.Business, true, false),
                new Account("demo", AccountPlan.Business, true, false) { QssSubscription = true, MasterAccountId = "demo-master" },
                new Account("demo-hipaa", AccountPlan.Business, true, true) { MasterAccountId = "demo-master" },
                new Account("demo-pro", AccountPlan.Pro, false, false),
            ],
            Demo.Accounts);
        var apps = Demo.Apps.ToDictionary(a => a.App.ClientId);
        Assert.Equal("demo-client-secret", apps["demo-client-id"].ClientSecret);
        Assert.Equal(["dashboard_webinars:read:admin", "dashboard_meetings:read:admin"], apps["demo-client-id"].App.Scopes);
        Assert.Equal(["meeting:read:admin"], apps["demo-noscope-client-id"].App.Scopes);
        Assert.Equal(["qos:write"], apps["demo-ingest-client-id"].App.Scopes);
        Assert.Equal("demo-hipaa", apps["demo-hipaa-client-id"].App.AccountId);
        Assert.Equal("demo-pro", apps["demo-pro-client-id"].App.AccountId);
        Assert.Equal("demo-pro-client-secret", apps["demo-pro-client-id"].ClientSecret);
        Assert.Equal(("demo-master", "demo-master-client-secret"), (apps["demo-master-client-id"].App.AccountId, apps["demo-master-client-id"].ClientSecret));
        Assert.Equal(["dashboard:master"], apps["demo-master-client-id"].App.Scopes);
    }

    [Fact]
    public void The_all_hands_has_three_past_instances_the_latest_ended_yesterday_after_90_minutes()
    {
        var instances = Demo.InstancesOf(DemoDataSet.AllHandsWebinarId);
        var latest = Demo.AllHands;

        Assert.Equal(3, instances.Count);
        Assert.All(instances, i => Assert.False(i.Instance.IsLive));
        Assert.Equal(Now.UtcDateTime.Date.AddDays(-1), latest.Instance.EndTime!.Value.UtcDateTime.Date);
        Assert.Equal(TimeSpan.FromMinutes(90), latest.Instance.EndTime - latest.Instance.StartTime);
        Assert.Equal("Quarterly all-hands", latest.Instance.Topic);
        Assert.Equal(1003, latest.SessionCount);
        Assert.Equal(3, latest.PanelistUserIds.Count);
        Assert.Equal(Enum.GetValues<FaultKind>().Where(k => k != FaultKind.SenderUplink).ToHashSet(), latest.Faults.Select(f => f.Kind).ToHashSet()); // a webinar has every fault but the meetings'
    }

    [Fact]
    public void The_live_webinar_is_in_progress_with_2_panelists_and_200_attendees_sampled_up_to_now()
    {
        var live = Demo.Live;
        var now = live.SnapshotAt(Now).ToList();
        var later = live.SnapshotAt(Now.AddMinutes(30)).ToList();

        Assert.True(live.Instance.IsLive);
        Assert.Equal(202, live.SessionCount);
        Assert.Equal(2, live.PanelistUserIds.Count);
        Assert.True(live.Instance.StartTime < Now);
        Assert.All(now.SelectMany(p => p.UserQos!), s => Assert.True(s.DateTime.Value <= Now));
        Assert.True(later.Sum(p => p.UserQos!.Count) > now.Sum(p => p.UserQos!.Count) + (now.Count * 25));
        Assert.Equal(202, live.Participants().Count());
    }

    [Fact]
    public void The_other_webinars_match_their_descriptions()
    {
        var slash = Assert.Single(Demo.InstancesOf(DemoDataSet.SlashUuidWebinarId));
        var expired = Assert.Single(Demo.InstancesOf(DemoDataSet.ExpiredWebinarId));
        var twelve = Assert.Single(Demo.InstancesOf(DemoDataSet.TwelveSessionWebinarId));
        var hipaa = Assert.Single(Demo.InstancesOf(DemoDataSet.HipaaWebinarId));

        Assert.StartsWith("/", slash.Instance.Uuid, StringComparison.Ordinal);
        Assert.Contains("//", slash.Instance.Uuid, StringComparison.Ordinal);
        Assert.Equal(16, Convert.FromBase64String(slash.Instance.Uuid).Length);
        Assert.True(expired.Instance.EndTime < Now.AddMonths(-13));
        Assert.Equal(12, twelve.Participants().Count());
        Assert.Equal("demo-hipaa", hipaa.Instance.AccountId);
        Assert.Equal(50, hipaa.Participants().Count(p => !hipaa.PanelistUserIds.Contains(p.UserId!)));
        Assert.All(Demo.Webinars.Where(w => w.Instance.EndTime is not null), w => Assert.True(w.Instance.EndTime < Now));
        Assert.Equal(Demo.Webinars.Count, Demo.Webinars.Select(w => w.Instance.Uuid).Distinct().Count());
    }

    [Fact]
    public void The_data_set_is_laid_out_relative_to_the_reference_time()
    {
        var later = DemoDataSet.Create(Now.AddDays(10));

        Assert.Equal(TimeSpan.FromDays(10), later.AllHands.Instance.StartTime - Demo.AllHands.Instance.StartTime);
        Assert.Equal(TimeSpan.FromDays(10), later.Live.Instance.StartTime - Demo.Live.Instance.StartTime);
        Assert.Equal(Now.AddMinutes(-DemoDataSet.LiveElapsedMinutes).AddSeconds(-31), Demo.Live.Instance.StartTime);
    }

    [Fact]
    public void The_same_reference_time_and_seed_give_the_same_bytes()
    {
        static string Hash(DemoDataSet set)
        {
            using var buffer = new MemoryStream();
            foreach (var webinar in set.Webinars.Where(w => w.SessionCount < 300))
            {
                webinar.WriteNdjson(buffer, set.ReferenceTime);
            }

            return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
        }

        Assert.Equal(Hash(DemoDataSet.Create(Now)), Hash(DemoDataSet.Create(Now)));
        Assert.NotEqual(Hash(DemoDataSet.Create(Now)), Hash(DemoDataSet.Create(Now, seed: 1)));
    }

    [Fact]
    public void The_regulars_come_to_every_current_webinar_of_the_demo_account_and_one_always_has_weak_wifi()
    {
        var current = Demo.Webinars.Where(w => w.Instance.AccountId == DemoDataSet.AccountId && w.Instance.WebinarId != DemoDataSet.ExpiredWebinarId && !w.Instance.IsMeeting).ToList();
        var expired = Assert.Single(Demo.InstancesOf(DemoDataSet.ExpiredWebinarId));

        Assert.Equal(6, current.Count);
        foreach (var webinar in current)
        {
            var participants = webinar.Participants().ToList();
            foreach (var regular in DemoDataSet.Regulars)
            {
                var sessions = participants.Where(p => p.Email == regular.Email).ToList();
                Assert.NotEmpty(sessions);
                Assert.All(sessions, p => Assert.Equal(regular.Name, p.UserName));
            }

            var radia = participants.First(p => p.Email == DemoDataSet.Regulars[0].Email).UserId;
            Assert.Single(webinar.Faults, f => f.Kind == FaultKind.WeakWifi && f.CauseUserId == radia);
        }

        Assert.DoesNotContain(expired.Participants(), p => DemoDataSet.Regulars.Any(r => r.Email == p.Email));
    }
}
