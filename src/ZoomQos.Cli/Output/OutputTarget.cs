namespace ZoomQos.Cli.Output;

/// <summary>
/// Where machine output goes: stdout, or a file that appears only when the command succeeds (it is written
/// to a temporary file beside it and moved into place), so a failed run never leaves half a file or
/// clobbers a good one. A device or a pipe named by --output (<c>/dev/null</c>) is written to like stdout.
/// Parquet needs a seekable stream, so for stdout it goes through a temporary file too.
/// </summary>
internal sealed class OutputTarget : IAsyncDisposable
{
    private readonly string? _path;
    private readonly string? _temporary;
    private readonly Stream _stdout;
    private readonly bool _toStdout;
    private bool _committed;

    private OutputTarget(string? path, string? temporary, Stream stream, Stream stdout, bool toStdout)
    {
        _path = path;
        _temporary = temporary;
        Stream = stream;
        _stdout = stdout;
        _toStdout = toStdout;
    }

    /// <summary>The stream to write to (buffered).</summary>
    public Stream Stream { get; }

    /// <summary>Opens the target; <paramref name="path"/> null or "-" means stdout.</summary>
    public static OutputTarget Open(string? path, CliContext context, bool needsSeek)
    {
        ArgumentNullException.ThrowIfNull(context);
        var toStdout = path is null or "-";
        var device = toStdout ? null : OpenDevice(Path.GetFullPath(path!));
        if ((toStdout || device is not null) && !needsSeek)
        {
            var stdout = device ?? context.OpenStandardOutput();
            return new OutputTarget(null, null, new BufferedStream(stdout, 64 * 1024), stdout, true);
        }

        if (device is not null)
        {
            // Parquet to a device: written to a temporary file, then copied to it, as for stdout.
            toStdout = true;
        }

        var final = toStdout ? null : Path.GetFullPath(path!);
        var directory = final is null ? Path.GetTempPath() : Path.GetDirectoryName(final)!;
        if (!Directory.Exists(directory))
        {
            throw new CliUsageException($"--output: the folder '{directory}' does not exist.");
        }

        var temporary = Path.Combine(directory, $".{(final is null ? "zoomqos" : Path.GetFileName(final))}.{Guid.NewGuid():N}.partial");
        var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        return new OutputTarget(final, temporary, file, device ?? (toStdout ? context.OpenStandardOutput() : Stream.Null), toStdout);
    }

    /// <summary>
    /// <paramref name="path"/> opened for writing when it is there and is not a regular file (<c>/dev/null</c>, a
    /// pipe, a terminal): written to as it is, like stdout, since moving a finished file onto it would replace the
    /// device with a file. Null for a file or a path that is not there.
    /// </summary>
    private static FileStream? OpenDevice(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // .NET tells a file's type only by whether it seeks, and /dev/null seeks: the devices' folder is named.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0);
        if (!stream.CanSeek || (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && path.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return stream;
        }

        stream.Dispose();
        return null;
    }

    /// <summary>Makes the output visible: moves the file into place, or copies it to stdout.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Stream.FlushAsync(cancellationToken);
        if (_temporary is not null)
        {
            if (_toStdout)
            {
                Stream.Position = 0;
                await Stream.CopyToAsync(_stdout, cancellationToken);
                await _stdout.FlushAsync(cancellationToken);
            }

            await Stream.DisposeAsync();
            if (_path is not null)
            {
                File.Move(_temporary, _path, overwrite: true);
            }
        }

        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        if (_temporary is not null && (!_committed || _toStdout))
        {
            try
            {
                File.Delete(_temporary);
            }
            catch (IOException)
            {
            }
        }
    }
}
