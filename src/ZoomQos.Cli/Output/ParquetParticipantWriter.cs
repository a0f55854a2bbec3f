using Parquet;
using Parquet.Schema;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Output;

/// <summary>
/// Parquet (Parquet.Net) in the tidy or wide shape of <see cref="QosColumns"/>: typed, nullable columns (text,
/// double, int, UTC timestamp), written in row groups of <see cref="RowGroupSize"/> rows so that memory stays
/// bounded whatever the webinar's size. Parquet needs a seekable stream; the caller gives a file.
/// </summary>
internal sealed class ParquetParticipantWriter : ParticipantWriter
{
    public const int RowGroupSize = 50_000;

    private readonly Stream _output;
    private readonly QosColumns _columns;
    private readonly DataField[] _fields;
    private readonly Cell[][] _buffer;
    private readonly Cell[] _row;
    private ParquetWriter? _writer;
    private int _count;

    public ParquetParticipantWriter(Stream output, QosColumns columns)
    {
        _output = output;
        _columns = columns;
        _fields = [.. columns.Columns.Select(c => c.Kind switch
        {
            CellKind.Number => (DataField)new DataField<double?>(c.Name),
            CellKind.Integer => new DataField<int?>(c.Name),
            CellKind.Time => new DataField<DateTime?>(c.Name),
            _ => new DataField<string>(c.Name, true),
        })];
        _buffer = [.. columns.Columns.Select(_ => new Cell[RowGroupSize])];
        _row = new Cell[columns.Columns.Count];
    }

    public override async ValueTask WriteAsync(ParticipantQos participant, CancellationToken cancellationToken)
    {
        _columns.Rows(participant, _row, Buffer);
        if (_count >= RowGroupSize - 2_000)
        {
            await FlushRowGroupAsync(cancellationToken);
        }
    }

    public override async ValueTask CompleteAsync(long totalRecords, CancellationToken cancellationToken)
    {
        await FlushRowGroupAsync(cancellationToken, force: true);
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
            _writer = null;
        }

        await _output.FlushAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private void Buffer(Cell[] row)
    {
        if (_count == RowGroupSize)
        {
            throw new InvalidOperationException("A participant has more rows than a Parquet row group holds.");
        }

        for (var i = 0; i < row.Length; i++)
        {
            _buffer[i][_count] = row[i];
        }

        _count++;
    }

    private async Task FlushRowGroupAsync(CancellationToken cancellationToken, bool force = false)
    {
        if (_count == 0 && !(force && _writer is null))
        {
            return;
        }

        _writer ??= await ParquetWriter.CreateAsync(new ParquetSchema(_fields), _output, cancellationToken: cancellationToken);
        using (var group = _writer.CreateRowGroup())
        {
            for (var c = 0; c < _fields.Length; c++)
            {
                var cells = _buffer[c].AsSpan(0, _count);
                switch (_columns.Columns[c].Kind)
                {
                    case CellKind.Number:
                        await group.WriteAsync<double>(_fields[c], Column(cells, static cell => cell.Number), cancellationToken: cancellationToken);
                        break;
                    case CellKind.Integer:
                        await group.WriteAsync<int>(_fields[c], Column(cells, static cell => cell.Integer), cancellationToken: cancellationToken);
                        break;
                    case CellKind.Time:
                        await group.WriteAsync<DateTime>(_fields[c], Column(cells, static cell => cell.Time?.UtcDateTime), cancellationToken: cancellationToken);
                        break;
                    default:
                        var texts = new string[cells.Length];
                        for (var i = 0; i < cells.Length; i++)
                        {
                            texts[i] = cells[i].Text!;
                        }

                        await group.WriteAsync(_fields[c], texts);
                        break;
                }
            }

            group.CompleteValidate();
        }

        _count = 0;
    }

    private static ReadOnlyMemory<T?> Column<T>(ReadOnlySpan<Cell> cells, Func<Cell, T?> get)
        where T : struct
    {
        var values = new T?[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            values[i] = get(cells[i]);
        }

        return values;
    }
}
