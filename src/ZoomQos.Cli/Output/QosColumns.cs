using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Output;

/// <summary>What a cell holds; Parquet gets a column of that type, CSV the invariant text.</summary>
internal enum CellKind
{
    Text,
    Number,
    Integer,
    Time,
}

/// <summary>A column: its name (units in the name) and kind.</summary>
internal sealed record QosColumn(string Name, CellKind Kind);

/// <summary>One cell; only the member of the column's kind is read.</summary>
internal struct Cell
{
    public string? Text;
    public double? Number;
    public int? Integer;
    public DateTimeOffset? Time;
}

/// <summary>
/// The flat shapes of QoS data for CSV and Parquet. <see cref="Tidy"/>: one row per session × minute × stream,
/// with the minute's CPU and Wi-Fi figures repeated on each of its rows. <see cref="Wide"/>: one row per
/// session × minute, every stream's metrics side by side. Numbers are parsed; units are in the column names;
/// a value Zoom left blank or sent unparseable is an empty cell. A session without samples still has one row.
/// </summary>
internal sealed class QosColumns
{
    private static readonly (string Name, Func<QosSample, AudioQos?> Get)[] AudioStreams =
    [
        ("audio_input", s => s.AudioInput),
        ("audio_output", s => s.AudioOutput),
        ("audio_device_from_crc", s => s.AudioDeviceFromCrc),
        ("audio_device_to_crc", s => s.AudioDeviceToCrc),
        ("audio_device_from_rwg", s => s.AudioDeviceFromRwg),
        ("audio_device_to_rwg", s => s.AudioDeviceToRwg),
    ];

    private static readonly (string Name, Func<QosSample, VideoQos?> Get)[] VideoStreams =
    [
        ("video_input", s => s.VideoInput),
        ("video_output", s => s.VideoOutput),
        ("video_device_from_crc", s => s.VideoDeviceFromCrc),
        ("video_device_to_crc", s => s.VideoDeviceToCrc),
        ("video_device_from_rwg", s => s.VideoDeviceFromRwg),
        ("video_device_to_rwg", s => s.VideoDeviceToRwg),
        ("as_input", s => s.AsInput),
        ("as_output", s => s.AsOutput),
        ("as_device_from_crc", s => s.AsDeviceFromCrc),
        ("as_device_to_crc", s => s.AsDeviceToCrc),
        ("as_device_from_rwg", s => s.AsDeviceFromRwg),
        ("as_device_to_rwg", s => s.AsDeviceToRwg),
    ];

    private static readonly QosColumn[] Identity =
    [
        new("user_id", CellKind.Text),
        new("participant_uuid", CellKind.Text),
        new("user_name", CellKind.Text),
        new("email", CellKind.Text),
        new("device", CellKind.Text),
        new("network_type", CellKind.Text),
        new("location", CellKind.Text),
        new("data_center", CellKind.Text),
        new("join_time", CellKind.Time),
        new("leave_time", CellKind.Time),
        new("date_time", CellKind.Time),
    ];

    private static readonly string[] MediaMetrics = ["bitrate_kbps", "latency_ms", "jitter_ms", "avg_loss_pct", "max_loss_pct"];

    private static readonly QosColumn[] VideoMetrics =
    [
        new("resolution_width_px", CellKind.Integer),
        new("resolution_height_px", CellKind.Integer),
        new("frame_rate_fps", CellKind.Number),
    ];

    private readonly bool _wide;

    private QosColumns(bool wide, IReadOnlyList<QosColumn> columns)
    {
        _wide = wide;
        Columns = columns;
    }

    public static QosColumns Tidy { get; } = new(false, [
        .. Identity,
        new("stream", CellKind.Text),
        .. MediaMetrics.Select(m => new QosColumn(m, CellKind.Number)),
        .. VideoMetrics,
        new("zoom_avg_cpu_pct", CellKind.Number),
        new("system_max_cpu_pct", CellKind.Number),
        new("wifi_avg_rssi_dbm", CellKind.Number),
    ]);

    public static QosColumns Wide { get; } = new(true, [
        .. Identity,
        .. AudioStreams.SelectMany(s => MediaMetrics.Select(m => new QosColumn($"{s.Name}_{m}", CellKind.Number))),
        .. VideoStreams.SelectMany(s => MediaMetrics.Select(m => new QosColumn($"{s.Name}_{m}", CellKind.Number)).Concat(VideoMetrics.Select(v => v with { Name = $"{s.Name}_{v.Name}" }))),
        new("zoom_min_cpu_pct", CellKind.Number),
        new("zoom_avg_cpu_pct", CellKind.Number),
        new("zoom_max_cpu_pct", CellKind.Number),
        new("system_max_cpu_pct", CellKind.Number),
        new("system_min_cpu_pressure", CellKind.Text),
        new("system_avg_cpu_pressure", CellKind.Text),
        new("system_max_cpu_pressure", CellKind.Text),
        new("wifi_max_rssi_dbm", CellKind.Number),
        new("wifi_avg_rssi_dbm", CellKind.Number),
        new("wifi_min_rssi_dbm", CellKind.Number),
    ]);

    public IReadOnlyList<QosColumn> Columns { get; }

    /// <summary>Fills <paramref name="row"/> once per row of the participant and calls <paramref name="emit"/> after each.</summary>
    public void Rows(ParticipantQos participant, Cell[] row, Action<Cell[]> emit)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(emit);
        var samples = participant.UserQos ?? [];
        if (samples.Count == 0)
        {
            Array.Clear(row);
            FillIdentity(participant, null, row);
            emit(row);
            return;
        }

        foreach (var sample in samples)
        {
            if (_wide)
            {
                Array.Clear(row);
                FillIdentity(participant, sample, row);
                FillWide(sample, row);
                emit(row);
                continue;
            }

            var wrote = false;
            foreach (var (name, get) in AudioStreams)
            {
                if (get(sample) is { } audio)
                {
                    StartTidy(participant, sample, name, row);
                    FillMedia(audio.Bitrate.Kbps, audio.Latency.Value, audio.Jitter.Value, audio.AvgLoss.Value, audio.MaxLoss.Value, row, Identity.Length + 1);
                    emit(row);
                    wrote = true;
                }
            }

            foreach (var (name, get) in VideoStreams)
            {
                if (get(sample) is { } video)
                {
                    StartTidy(participant, sample, name, row);
                    FillMedia(video.Bitrate.Kbps, video.Latency.Value, video.Jitter.Value, video.AvgLoss.Value, video.MaxLoss.Value, row, Identity.Length + 1);
                    FillVideo(video, row, Identity.Length + 1 + MediaMetrics.Length);
                    emit(row);
                    wrote = true;
                }
            }

            if (!wrote)
            {
                StartTidy(participant, sample, null, row);
                emit(row);
            }
        }
    }

    private static void StartTidy(ParticipantQos participant, QosSample sample, string? stream, Cell[] row)
    {
        Array.Clear(row);
        FillIdentity(participant, sample, row);
        var i = Identity.Length;
        row[i].Text = stream;
        i += 1 + MediaMetrics.Length + VideoMetrics.Length;
        row[i++].Number = sample.CpuUsage?.ZoomAvgCpuUsage.Value;
        row[i++].Number = sample.CpuUsage?.SystemMaxCpuUsage.Value;
        row[i].Number = sample.WifiRssi?.AvgRssi.Dbm;
    }

    private static void FillIdentity(ParticipantQos p, QosSample? sample, Cell[] row)
    {
        row[0].Text = p.UserId;
        row[1].Text = p.ParticipantUuid;
        row[2].Text = p.UserName;
        row[3].Text = p.Email;
        row[4].Text = p.Device.Raw;
        row[5].Text = p.NetworkType.Raw;
        row[6].Text = p.Location;
        row[7].Text = p.DataCenter;
        row[8].Time = p.JoinTime.Value;
        row[9].Time = p.LeaveTime.Value;
        row[10].Time = sample?.DateTime.Value;
    }

    private static void FillMedia(double? bitrate, double? latency, double? jitter, double? avgLoss, double? maxLoss, Cell[] row, int at)
    {
        row[at].Number = bitrate;
        row[at + 1].Number = latency;
        row[at + 2].Number = jitter;
        row[at + 3].Number = avgLoss;
        row[at + 4].Number = maxLoss;
    }

    private static void FillVideo(VideoQos video, Cell[] row, int at)
    {
        row[at].Integer = video.Resolution.Width;
        row[at + 1].Integer = video.Resolution.Height;
        row[at + 2].Number = video.FrameRate.Value;
    }

    private static void FillWide(QosSample sample, Cell[] row)
    {
        var i = Identity.Length;
        foreach (var (_, get) in AudioStreams)
        {
            if (get(sample) is { } audio)
            {
                FillMedia(audio.Bitrate.Kbps, audio.Latency.Value, audio.Jitter.Value, audio.AvgLoss.Value, audio.MaxLoss.Value, row, i);
            }

            i += MediaMetrics.Length;
        }

        foreach (var (_, get) in VideoStreams)
        {
            if (get(sample) is { } video)
            {
                FillMedia(video.Bitrate.Kbps, video.Latency.Value, video.Jitter.Value, video.AvgLoss.Value, video.MaxLoss.Value, row, i);
                FillVideo(video, row, i + MediaMetrics.Length);
            }

            i += MediaMetrics.Length + VideoMetrics.Length;
        }

        var cpu = sample.CpuUsage;
        row[i++].Number = cpu?.ZoomMinCpuUsage.Value;
        row[i++].Number = cpu?.ZoomAvgCpuUsage.Value;
        row[i++].Number = cpu?.ZoomMaxCpuUsage.Value;
        row[i++].Number = cpu?.SystemMaxCpuUsage.Value;
        var pressure = sample.CpuPressureLevel;
        row[i++].Text = pressure?.SystemMinCpuPressureLevel.Raw;
        row[i++].Text = pressure?.SystemAvgCpuPressureLevel.Raw;
        row[i++].Text = pressure?.SystemMaxCpuPressureLevel.Raw;
        var wifi = sample.WifiRssi;
        row[i++].Number = wifi?.MaxRssi.Dbm;
        row[i++].Number = wifi?.AvgRssi.Dbm;
        row[i].Number = wifi?.MinRssi.Dbm;
    }
}
