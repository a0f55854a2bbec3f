using System.Text.Json;

namespace ZoomQos.Contracts.Serialization;

/// <summary>The options that write JSON as Zoom writes it.</summary>
public sealed partial class ZoomJsonContext
{
    /// <summary>
    /// The wire format for writing: <see cref="Default"/>'s metadata with <see cref="ZoomJsonEncoder"/>, which escapes
    /// only what JSON requires (an apostrophe stays an apostrophe). Everything the server sends and every NDJSON line
    /// the tools write goes through it; reading works with either.
    /// </summary>
    public static ZoomJsonContext Wire => WireContext.Instance;

    /// <summary>Writer options for hand-written wire JSON (the list envelope): the same encoder.</summary>
    public static JsonWriterOptions WireWriterOptions { get; } = new() { Encoder = ZoomJsonEncoder.Instance };

    // Built on first use, after Default (static initializers of partial files run in no stated order).
    private static class WireContext
    {
        public static readonly ZoomJsonContext Instance = new(new JsonSerializerOptions(Default.Options) { Encoder = ZoomJsonEncoder.Instance });
    }
}
