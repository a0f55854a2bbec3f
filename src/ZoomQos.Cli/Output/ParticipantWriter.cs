using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Output;

/// <summary>The output formats of <c>fetch</c> and <c>report</c>.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Ndjson,
    Csv,
    Parquet,
}

/// <summary>What a fetch was of, for formats that say so in their output.</summary>
internal sealed record FetchHeader(QosTarget Target, QosListType Type);

/// <summary>
/// One writer per output format (dotnet-counters' layout): participants go in one at a time as pages arrive;
/// <see cref="CompleteAsync"/> ends the document. A writer never owns or closes the stream it writes to.
/// </summary>
internal abstract class ParticipantWriter : IAsyncDisposable
{
    public static ParticipantWriter Create(OutputFormat format, Stream output, FetchHeader header, bool wide, int tableWidth) => format switch
    {
        OutputFormat.Json => new JsonParticipantWriter(output, header),
        OutputFormat.Ndjson => throw new ArgumentOutOfRangeException(nameof(format), "NDJSON copies each session's bytes as the API sent them (FetchCommand): no writer parses and writes them again."),
        OutputFormat.Csv => new CsvParticipantWriter(output, wide ? QosColumns.Wide : QosColumns.Tidy),
        OutputFormat.Parquet => new ParquetParticipantWriter(output, wide ? QosColumns.Wide : QosColumns.Tidy),
        _ => new TableParticipantWriter(output, header, tableWidth),
    };

    /// <summary>Writes one participant session.</summary>
    public abstract ValueTask WriteAsync(ParticipantQos participant, CancellationToken cancellationToken);

    /// <summary>Ends the document and flushes; after this the output is complete.</summary>
    public abstract ValueTask CompleteAsync(long totalRecords, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
