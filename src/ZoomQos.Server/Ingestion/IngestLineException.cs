namespace ZoomQos.Server.Ingestion;

/// <summary>A line of an NDJSON body that is not a participant object; the message names the line.</summary>
internal sealed class IngestLineException(long line, string reason) : Exception($"line {line}: {reason}")
{
    public long Line { get; } = line;

    public string Reason { get; } = reason;
}
