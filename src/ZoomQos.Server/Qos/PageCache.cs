using System.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using ZoomQos.Storage;

namespace ZoomQos.Server.Qos;

/// <summary>
/// The encoded list pages of ended instances, kept to be sent again with one copy (issue 19). A page is its bytes with
/// the place where the request's own next page token goes (tokens are signed per account and per issue); it is keyed
/// by everything it is made of: the instance and its revision (raised by every merge, in any process: a merge makes
/// the instance's pages unreachable, and they age out), its session count, the cursor and size, privacy blanking and
/// the number field. Bounded by <see cref="MemoryCache"/>'s size limit, in bytes; the least recently used go first,
/// and an instance whose pages would not all fit keeps none (a walk of it would evict its own).
/// Accounts share an instance's pages: what an account may read is decided before the cache is asked.
/// </summary>
/// <remarks>
/// The bytes are kept in files of a folder of the server's own, not on its heap (decision 0023): the kernel's page
/// cache holds them, which it can drop under memory pressure where the heap cannot be, and they are read straight
/// into the response's buffers (<see cref="KeptPage"/>). A page evicted while a request is sending it is still read to
/// its end (the file is unlinked, not truncated); one evicted between the lookup and the open is a miss.
/// </remarks>
internal sealed class PageCache : IDisposable
{
    private const string FolderPrefix = "zoomqos-pages-";
    private readonly long _capacity;
    private readonly MemoryCache? _pages;
    private readonly DirectoryInfo? _folder;
    private long _files;

    public PageCache(long capacityBytes, string? parentFolder = null)
    {
        _capacity = capacityBytes;
        if (capacityBytes <= 0)
        {
            return;
        }

        var parent = parentFolder ?? Path.GetTempPath();
        RemoveAbandoned(parent);
        // The pages hold participants' names and addresses: the folder is the server's user's alone (0700).
        var name = Path.Combine(parent, $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        _folder = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(name)
            : Directory.CreateDirectory(name, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacityBytes, CompactionPercentage = 0.10 });
    }

    /// <summary>The page kept under <paramref name="key"/>, opened to be sent (the caller disposes it), or null.</summary>
    public KeptPage? Find(in PageKey key)
    {
        if (_pages?.Get<PageFile>(key) is not { } kept)
        {
            return null;
        }

        try
        {
            return new KeptPage(File.OpenHandle(kept.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), kept);
        }
        catch (IOException)
        {
            _pages.Remove(key); // evicted (its file deleted) since the lookup
            return null;
        }
    }

    /// <summary>
    /// Keeps <paramref name="page"/> under <paramref name="key"/>, unless the instance's pages together would be over the
    /// limit (<see cref="WouldNotFit"/>).
    /// </summary>
    public void Keep(in PageKey key, EncodedPage page)
    {
        if (_pages is null || WouldNotFit(key, page))
        {
            return;
        }

        var path = Path.Combine(_folder!.FullName, Interlocked.Increment(ref _files).ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using (var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
            {
                RandomAccess.Write(file, page.Bytes.Span, 0);
            }

            var options = new MemoryCacheEntryOptions { Size = page.Length };
            options.RegisterPostEvictionCallback(static (_, value, _, _) => Delete(((PageFile)value!).Path));
            _pages.Set(key, new PageFile(path, page.Length, page.TokenAt, page.Next, page.Rows), options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Delete(path); // a full disk keeps nothing: the page was sent from memory all the same
        }
    }

    /// <summary>
    /// Whether all the pages of <paramref name="key"/>'s instance, each the size of <paramref name="page"/> per session,
    /// come to more than the limit. A walk reads an instance's pages in order, and the least recently used go first, so
    /// a walk of such an instance evicts its own first pages before it ends: the next walk would find none of them, and
    /// every page written to its file would be write, evict and delete for nothing (a 5,000 × 120 webinar is 500 MB of
    /// pages; keeping them cost its walk 13 % of the server's CPU).
    /// </summary>
    private bool WouldNotFit(in PageKey key, EncodedPage page) =>
        page.Length > _capacity || (page.Rows > 0 && (double)page.Length / page.Rows * key.State.Participants > _capacity);

    /// <inheritdoc/>
    public void Dispose()
    {
        _pages?.Dispose();
        if (_folder is not null)
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a request being torn down; the next server's start removes the folder.
            }
        }
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Gone already, or the folder is: nothing is kept either way.
        }
    }

    // Folders of servers that did not stop cleanly (killed): their process is gone.
    private static void RemoveAbandoned(string parent)
    {
        foreach (var folder in new DirectoryInfo(parent).EnumerateDirectories(FolderPrefix + "*"))
        {
            var pid = folder.Name[FolderPrefix.Length..].Split('-')[0];
            if (int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var id) && id != Environment.ProcessId && !IsRunning(id))
            {
                try
                {
                    folder.Delete(recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Another user's, or in use: left.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>What a list page is made of besides the request's token.</summary>
internal readonly record struct PageKey(string InstanceUuid, InstancePageState State, ParticipantCursor? After, int PageSize, bool Blank, string NumberField, string Number);

