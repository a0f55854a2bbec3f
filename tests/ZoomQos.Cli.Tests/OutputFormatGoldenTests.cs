using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet;
using ZoomQos.Cli.Output;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;

namespace ZoomQos.Cli.Tests;

/// <summary>
/// Every text format against a committed golden file, from fixed inputs: Zoom's documented sample, the
/// full-schema fixture (unknown fields, unparseable values, a session without samples) and a small simulated
/// webinar (NDJSON is not among them: it is each session's bytes as the API sent them, FetchNdjsonTests). Set ZOOMQOS_UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
/// </summary>
public sealed class OutputFormatGoldenTests : IDisposable
{
    private static readonly FetchHeader Header = new(new Cli.Options.QosTarget(QosEventKind.Webinar, "81234567890"), QosListType.Past);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "zoomqos-golden-" + Guid.NewGuid().ToString("N"));

    public OutputFormatGoldenTests() => Directory.CreateDirectory(_directory);

    [Theory]
    [InlineData("csv", false, "tidy.csv")]
    [InlineData("csv", true, "wide.csv")]
    [InlineData("json", false, "participants.json")]
    [InlineData("table", false, "table.txt")]
    public async Task Output_matches_its_golden_file(string format, bool wide, string golden)
    {
        var actual = Encoding.UTF8.GetString(await WriteAsync(Enum.Parse<OutputFormat>(format, ignoreCase: true), wide));

        var path = Path.Combine(AppContext.BaseDirectory, "Golden", golden);
        if (Environment.GetEnvironmentVariable("ZOOMQOS_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(Path.Combine(SourceDirectory(), "Golden", golden), actual);
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {golden}; run with ZOOMQOS_UPDATE_GOLDEN=1 once and review it");
        var expected = await File.ReadAllTextAsync(path);
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Parquet_reads_back_with_parquet_net_to_the_same_rows_as_csv(bool wide)
    {
        var columns = wide ? QosColumns.Wide : QosColumns.Tidy;
        var expected = new List<string?[]>();
        var row = new Cell[columns.Columns.Count];
        foreach (var participant in Participants())
        {
            columns.Rows(participant, row, r => expected.Add([.. r.Select((cell, i) => CsvParticipantWriter.Format(cell, columns.Columns[i].Kind))]));
        }

        var file = Path.Combine(_directory, "out.parquet");
        await File.WriteAllBytesAsync(file, await WriteAsync(OutputFormat.Parquet, wide));
        var actual = await ReadParquetAsync(file, columns);

        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.Count > 10);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public async Task A_parquet_file_of_more_than_one_row_group_reads_back_whole()
    {
        var instance = new WebinarInstance("rowgroups==", 81234567899, "demo", "Row groups", "Host", "host@example.com", new DateTimeOffset(2026, 11, 1, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 18, 0, 0, TimeSpan.Zero));
        var participants = WebinarSimulator.Simulate(new WebinarSpec(instance, 1, 300, 120, 42)).Participants().ToList();
        var file = Path.Combine(_directory, "big.parquet");
        await using (var stream = File.Create(file))
        {
            await using var writer = ParticipantWriter.Create(OutputFormat.Parquet, stream, Header, false, 200);
            foreach (var participant in participants)
            {
                await writer.WriteAsync(participant, default);
            }

            await writer.CompleteAsync(participants.Count, default);
        }

        var expectedRows = 0;
        var row = new Cell[QosColumns.Tidy.Columns.Count];
        foreach (var participant in participants)
        {
            QosColumns.Tidy.Rows(participant, row, _ => expectedRows++);
        }

        await using var read = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(read);
        Assert.True(reader.RowGroupCount > 1, $"{reader.RowGroupCount} row groups for {expectedRows} rows");
        Assert.Equal(expectedRows, Enumerable.Range(0, reader.RowGroupCount).Sum(i => reader.OpenRowGroupReader(i).RowCount));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<byte[]> WriteAsync(OutputFormat format, bool wide)
    {
        using var stream = new MemoryStream();
        await using (var writer = ParticipantWriter.Create(format, stream, Header, wide, 160))
        {
            var count = 0;
            foreach (var participant in Participants())
            {
                await writer.WriteAsync(participant, default);
                count++;
            }

            await writer.CompleteAsync(count, default);
        }

        return stream.ToArray();
    }

    private static readonly string[] Fixtures = ["seed-sample-200.json", "full-schema.json"];

    private static IEnumerable<JsonNode> FixtureNodes() =>
        Fixtures
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", f)))!["participants"]!.AsArray())
            .Select(n => n!);

    private static List<ParticipantQos> Simulated()
    {
        var instance = new WebinarInstance("golden==", 81234567890, "demo", "Golden", "Host", "host@example.com", new DateTimeOffset(2026, 11, 1, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 16, 4, 0, TimeSpan.Zero));
        return [.. WebinarSimulator.Simulate(new WebinarSpec(instance, 1, 3, 4, 7)).Participants()];
    }

    private static IEnumerable<ParticipantQos> Participants() =>
        FixtureNodes().Select(n => JsonSerializer.Deserialize(n.ToJsonString(), ZoomJsonContext.Default.ParticipantQos)!).Concat(Simulated());

    private static async Task<List<string?[]>> ReadParquetAsync(string file, QosColumns columns)
    {
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(columns.Columns.Select(c => c.Name), fields.Select(f => f.Name));
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var cells = new Cell[fields.Length][];
            for (var c = 0; c < fields.Length; c++)
            {
                cells[c] = new Cell[count];
                switch (columns.Columns[c].Kind)
                {
                    case CellKind.Number:
                        var numbers = new double?[count];
                        await group.ReadAsync<double>(fields[c], numbers.AsMemory());
                        for (var i = 0; i < count; i++)
                        {
                            cells[c][i].Number = numbers[i];
                        }

                        break;
                    case CellKind.Integer:
                        var integers = new int?[count];
                        await group.ReadAsync<int>(fields[c], integers.AsMemory());
                        for (var i = 0; i < count; i++)
                        {
                            cells[c][i].Integer = integers[i];
                        }

                        break;
                    case CellKind.Time:
                        var times = new DateTime?[count];
                        await group.ReadAsync<DateTime>(fields[c], times.AsMemory());
                        for (var i = 0; i < count; i++)
                        {
                            cells[c][i].Time = times[i] is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
                        }

                        break;
                    default:
                        var texts = new string?[count];
                        await group.ReadAsync(fields[c], texts.AsMemory());
                        for (var i = 0; i < count; i++)
                        {
                            cells[c][i].Text = texts[i];
                        }

                        break;
                }
            }

            for (var i = 0; i < count; i++)
            {
                rows.Add([.. Enumerable.Range(0, fields.Length).Select(c => CsvParticipantWriter.Format(cells[c][i], columns.Columns[c].Kind))]);
            }
        }

        return rows;
    }

    private static string SourceDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ZoomQos.Cli.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find the test project's folder");
    }
}
