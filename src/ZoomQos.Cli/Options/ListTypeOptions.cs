using System.CommandLine;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Options;

/// <summary><c>--type</c> (live or past) and <c>--page-size</c>, as every command walking participants takes them.</summary>
internal static class ListTypeOptions
{
    public static Option<string> Type()
    {
        var type = new Option<string>("--type", "-t")
        {
            Description = "live (the instance in progress; Zoom's default) or past (the last ended instance, or the UUID's).",
            DefaultValueFactory = _ => QosListTypeNames.Live,
        };
        type.AcceptOnlyFromAmong([.. QosListTypeNames.All]);
        return type;
    }

    public static QosListType Parse(string? text) => QosListTypeNames.TryParse(text, out var type) ? type : QosListType.Live;

    public static Option<int> PageSize()
    {
        var pageSize = new Option<int>("--page-size")
        {
            Description = "Participants per request, 1 to 10 (Zoom's maximum; each request costs the same).",
            DefaultValueFactory = _ => 10,
        };
        pageSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10)
            {
                result.AddError("--page-size must be from 1 to 10.");
            }
        });
        return pageSize;
    }
}
