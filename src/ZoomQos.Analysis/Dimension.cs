using System.Text.Json.Serialization;

namespace ZoomQos.Analysis;

/// <summary>What participants are broken down by (section 4), written in JSON by their Zoom field names.</summary>
public enum Dimension
{
    /// <summary>Zoom's <c>location</c>.</summary>
    [JsonStringEnumMemberName("location")]
    Location,

    /// <summary>Zoom's <c>network_type</c>.</summary>
    [JsonStringEnumMemberName("network_type")]
    NetworkType,

    /// <summary>Zoom's <c>device</c>.</summary>
    [JsonStringEnumMemberName("device")]
    Device,

    /// <summary>Zoom's <c>os</c>.</summary>
    [JsonStringEnumMemberName("os")]
    Os,

    /// <summary>Zoom's <c>version</c> (the client's).</summary>
    [JsonStringEnumMemberName("client_version")]
    ClientVersion,

    /// <summary>Zoom's <c>data_center</c>.</summary>
    [JsonStringEnumMemberName("data_center")]
    DataCenter,
}
