using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Cli.Output;

/// <summary>
/// NDJSON: one participant object per line, exactly as Zoom sent it (raw value strings and unknown fields
/// included) — the lingua franca that <c>import</c> and the ingestion API read back.
/// </summary>
internal sealed class NdjsonParticipantWriter(Stream output) : ParticipantWriter
{
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { SkipValidation = true, Encoder = ZoomJsonEncoder.Instance });

    public override ValueTask WriteAsync(ParticipantQos participant, CancellationToken cancellationToken)
    {
        // The caller's stream is buffered; a line goes out in one write.
        JsonSerializer.Serialize(_json, participant, ZoomJsonContext.Wire.ParticipantQos);
        _json.Flush();
        _json.Reset();
        output.WriteByte((byte)'\n');
        return ValueTask.CompletedTask;
    }

    public override async ValueTask CompleteAsync(long totalRecords, CancellationToken cancellationToken) => await output.FlushAsync(cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await base.DisposeAsync();
    }
}
