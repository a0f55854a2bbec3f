using System.Reflection;
using ZoomQos.Analysis.Causes;

namespace ZoomQos.Analysis.Tests;

/// <summary>The cause pipeline's conventions, by reflection: one detector per cause, in a stated order.</summary>
public sealed class CausePipelineTests
{
    [Fact]
    public void Every_named_cause_has_exactly_one_detector_and_every_detector_a_place_of_its_own()
    {
        var named = typeof(CauseKind).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => (CauseKind)p.GetValue(null)!).ToList();
        var detectors = CausePipeline.All;

        Assert.Equal(named.Order(KindOrder.Instance), detectors.Select(d => d.Kind).Order(KindOrder.Instance));
        Assert.Equal(detectors.Count, detectors.Select(d => (d.Scope, d.Order)).Distinct().Count());
        Assert.All(detectors, d => Assert.EndsWith("Detector", d.GetType().Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Webinar_wide_detectors_run_first_and_the_panelist_correlation_first_of_all()
    {
        var detectors = CausePipeline.All;

        Assert.Equal(CauseKind.PanelistUplink, detectors[0].Kind);
        Assert.Equal(
            detectors.OrderBy(d => d.Scope).ThenBy(d => d.Order).Select(d => d.Kind),
            detectors.Select(d => d.Kind));
        Assert.Equal(CauseKind.PoorScreenShare, detectors[^1].Kind);
    }

    private sealed class KindOrder : IComparer<CauseKind>
    {
        public static readonly KindOrder Instance = new();

        public int Compare(CauseKind x, CauseKind y) => string.CompareOrdinal(x.Name, y.Name);
    }
}
