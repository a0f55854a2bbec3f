using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Cli.Output;

/// <summary>
/// JSON: one document, <c>{"webinar_id":…,"type":…,"total_records":…,"participants":[…]}</c>, indented, with
/// every participant exactly as Zoom sent it. Written as pages arrive, so memory does not grow with its size.
/// </summary>
internal sealed class JsonParticipantWriter : ParticipantWriter
{
    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    public JsonParticipantWriter(Stream output, FetchHeader header)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ZoomJsonEncoder.Instance });
        _json.WriteStartObject();
        _json.WriteString(header.Target.Kind == Contracts.Webinars.QosEventKind.Meeting ? "meeting_id"u8 : "webinar_id"u8, header.Target.Id);
        _json.WriteString("type"u8, header.Type.ToWire());
        _json.WriteStartArray("participants"u8);
    }

    public override async ValueTask WriteAsync(ParticipantQos participant, CancellationToken cancellationToken)
    {
        JsonSerializer.Serialize(_json, participant, ZoomJsonContext.Wire.ParticipantQos);
        if (_json.BytesPending > 64 * 1024)
        {
            await _json.FlushAsync(cancellationToken);
        }
    }

    public override async ValueTask CompleteAsync(long totalRecords, CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        _json.WriteNumber("total_records"u8, totalRecords);
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
        await _output.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await base.DisposeAsync();
    }
}
