using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Serialization;

/// <summary>The 32-bit twin of <see cref="LenientInt64JsonConverter"/>, for <c>page_size</c> and counts.</summary>
public sealed class LenientInt32JsonConverter : JsonConverter<int?>
{
    private static readonly LenientInt64JsonConverter Wide = new();

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Wide.Read(ref reader, typeof(long?), options) is { } n and >= int.MinValue and <= int.MaxValue ? (int)n : null;

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        => Wide.Write(writer, value, options);
}
