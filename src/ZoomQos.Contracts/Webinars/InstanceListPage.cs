using System.Text.Json.Serialization;
using ZoomQos.Contracts.Lists;

namespace ZoomQos.Contracts.Webinars;

/// <summary>The envelope of the Dashboard's lists of instances (webinars, meetings): the queried range and the paging.</summary>
public abstract record InstanceListPage : ZoomListPage
{
    /// <summary>Start of the queried range (<c>yyyy-mm-dd</c>).</summary>
    [JsonPropertyOrder(-2)]
    public string? From { get; init; }

    /// <summary>End of the queried range (<c>yyyy-mm-dd</c>).</summary>
    [JsonPropertyOrder(-1)]
    public string? To { get; init; }
}
