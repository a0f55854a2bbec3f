using System.IO.Pipelines;
using System.Text;
using ZoomQos.Server.Qos;
using ZoomQos.Storage;

namespace ZoomQos.Server.Tests;

/// <summary>
/// Where the page cache keeps its bytes (decision 0023): files in a folder of its own (its user's alone), read back as they were kept,
/// deleted when evicted and with the folder when the cache is disposed; a file gone before it is opened is a miss; a
/// folder left by a server that was killed is removed by the next.
/// </summary>
public sealed class PageCacheFileTests : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("zoomqos-page-cache-tests-");

    [Fact]
    public async Task A_kept_page_reads_back_byte_for_byte_and_its_folder_goes_with_the_cache()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"next_page_token\":\"\",\"participants\":[" + new string('x', 600_000) + "]}");
        var cache = new PageCache(1024 * 1024, _parent.FullName);
        cache.Keep(Key("a"), new EncodedPage(bytes, 20, new ParticipantCursor(1, "u"), 10));
        var folder = Assert.Single(_parent.GetDirectories());
        Assert.Single(folder.GetFiles());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, folder.UnixFileMode); // the pages are no one else's to read
        }

        using (var kept = cache.Find(Key("a")))
        {
            Assert.NotNull(kept);
            Assert.Equal((bytes.Length, 20, 10, "u"), (kept.Length, kept.TokenAt, kept.Rows, kept.Next!.UserId));
            Assert.Equal(bytes, await ReadAsync(kept));
        }

        Assert.Null(cache.Find(Key("b")));
        cache.Dispose();
        Assert.Empty(_parent.GetDirectories());
    }

    [Fact]
    public void A_page_whose_file_went_before_it_was_opened_is_a_miss_and_is_forgotten()
    {
        using var cache = new PageCache(1024 * 1024, _parent.FullName);
        cache.Keep(Key("a"), new EncodedPage(new byte[1000], 0, null, 1));
        Assert.Single(_parent.GetDirectories()).GetFiles()[0].Delete();

        Assert.Null(cache.Find(Key("a")));
        Assert.Null(cache.Find(Key("a")));
    }

    [Fact]
    public void Evicted_pages_delete_their_files_and_the_bytes_kept_stay_under_the_limit()
    {
        using var cache = new PageCache(10_000, _parent.FullName);
        for (var i = 0; i < 40; i++)
        {
            cache.Keep(Key("p" + i), new EncodedPage(new byte[1000], 0, null, 1));
        }

        // MemoryCache compacts on a thread-pool thread and runs the eviction callbacks after it.
        var folder = Assert.Single(_parent.GetDirectories());
        Assert.True(SpinWait.SpinUntil(() => folder.GetFiles().Length <= 10, TimeSpan.FromSeconds(30)), $"{folder.GetFiles().Length} files kept");
        Assert.True(folder.GetFiles().Sum(f => f.Length) <= 10_000);
    }

    [Fact]
    public void A_folder_left_by_a_process_that_is_gone_is_removed_and_a_live_ones_is_not()
    {
        var abandoned = _parent.CreateSubdirectory("zoomqos-pages-" + int.MaxValue + "-left");
        File.WriteAllText(Path.Combine(abandoned.FullName, "1"), "page");
        var live = _parent.CreateSubdirectory("zoomqos-pages-" + Environment.ProcessId + "-other");

        using var cache = new PageCache(1024, _parent.FullName);

        Assert.False(Directory.Exists(abandoned.FullName));
        Assert.True(Directory.Exists(live.FullName));
    }

    [Fact]
    public void An_instance_whose_pages_would_not_all_fit_keeps_none_and_one_whose_pages_fit_keeps_them()
    {
        using var cache = new PageCache(100_000, _parent.FullName);
        var page = new EncodedPage(new byte[10_000], 0, null, 10); // 1,000 bytes a session

        cache.Keep(Key("large", sessions: 101), page); // 101,000 bytes of pages: a walk of it would evict its own first pages
        cache.Keep(Key("fits", sessions: 100), page);

        Assert.Null(cache.Find(Key("large", sessions: 101)));
        using var kept = cache.Find(Key("fits", sessions: 100));
        Assert.NotNull(kept);
        Assert.Single(Assert.Single(_parent.GetDirectories()).GetFiles());
    }

    [Fact]
    public void A_cache_of_zero_bytes_keeps_nothing_and_makes_no_folder()
    {
        using var cache = new PageCache(0, _parent.FullName);
        cache.Keep(Key("a"), new EncodedPage(new byte[10], 0, null, 1));
        Assert.Null(cache.Find(Key("a")));
        Assert.Empty(_parent.GetDirectories());
    }

    public void Dispose() => _parent.Delete(recursive: true);

    private static PageKey Key(string instance, long sessions = 10) => new(instance, new InstancePageState(sessions, 1), null, 10, false, "webinar_number", "1");

    private static async Task<byte[]> ReadAsync(KeptPage page)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        page.CopyTo(pipe.Writer, 0, page.TokenAt);
        page.CopyTo(pipe.Writer, page.TokenAt, page.Length - page.TokenAt);
        await pipe.Writer.CompleteAsync();
        using var all = new MemoryStream();
        await pipe.Reader.CopyToAsync(all);
        return all.ToArray();
    }
}
