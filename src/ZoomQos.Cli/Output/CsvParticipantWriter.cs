using System.Globalization;
using CsvHelper;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Output;

/// <summary>CSV (RFC 4180, via CsvHelper) in the tidy or the wide shape of <see cref="QosColumns"/>; invariant numbers, UTC ISO-8601 times.</summary>
internal sealed class CsvParticipantWriter : ParticipantWriter
{
    private readonly CsvWriter _csv;
    private readonly QosColumns _columns;
    private readonly Cell[] _row;

    public CsvParticipantWriter(Stream output, QosColumns columns)
    {
        // RFC 4180 (CRLF, quotes when needed); text that a spreadsheet would run as a formula (a participant
        // can name themselves "=HYPERLINK(…)") is escaped with a leading quote.
        _csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        _columns = columns;
        _row = new Cell[columns.Columns.Count];
        foreach (var column in columns.Columns)
        {
            _csv.WriteField(column.Name);
        }

        _csv.EndRecord();
    }

    public override ValueTask WriteAsync(ParticipantQos participant, CancellationToken cancellationToken)
    {
        _columns.Rows(participant, _row, WriteRow);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask CompleteAsync(long totalRecords, CancellationToken cancellationToken)
    {
        await _csv.FlushAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await base.DisposeAsync();
    }

    internal static string? Format(in Cell cell, CellKind kind) => kind switch
    {
        CellKind.Number => cell.Number?.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Integer => cell.Integer?.ToString(CultureInfo.InvariantCulture),
        CellKind.Time => cell.Time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => cell.Text,
    };

    private void WriteRow(Cell[] row)
    {
        var columns = _columns.Columns;
        for (var i = 0; i < row.Length; i++)
        {
            _csv.WriteField(Format(row[i], columns[i].Kind));
        }

        _csv.EndRecord();
    }
}
