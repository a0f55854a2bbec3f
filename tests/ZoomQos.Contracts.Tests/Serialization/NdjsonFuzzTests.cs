using System.IO.Pipelines;
using System.Text;
using CsCheck;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Tests.Serialization;

/// <summary>
/// Fuzzing the NDJSON reader, bounded in time: random bytes, random lines mixing valid participants with broken
/// JSON, deep nesting, huge numbers and control characters, in random buffer splits. The reader may only yield
/// participants or throw its own two exceptions; it never hangs (an input that does fails after a minute).
/// </summary>
public sealed class NdjsonFuzzTests
{
    private const string Valid = """{"user_id":"1","join_time":"2026-11-20T10:00:05Z","user_qos":[{"date_time":"2026-11-20T10:01:00Z","audio_input":{"bitrate":"27.15kbps","latency":"126 ms"}}]}""";

    private static readonly Gen<string> Line = Gen.OneOf(
        Gen.Const(Valid),
        Gen.Const(string.Empty),
        Gen.String,
        Gen.Const("{"),
        Gen.Const(new string('[', 300)),
        Gen.Const("{\"user_id\":" + new string('9', 400) + "}"),
        Gen.Const("{\"user_qos\":[{\"date_time\":\"\u0000\u001f\"}]}"),
        Gen.Const("null"),
        Gen.Const("{\"a\":1} {\"b\":2}"),
        Gen.Char.Array[0, 200].Select(chars => new string(chars)),
        Gen.Const(Valid).Select(Gen.Int[0, Valid.Length], (v, cut) => v[..cut]));

    [Fact]
    public async Task Random_lines_in_random_splits_yield_participants_or_a_line_error_and_never_hang()
    {
        await Gen.Select(Line.List[0, 12], Gen.Int[1, 64]).SampleAsync(
            input =>
            {
                var (lines, chunk) = input;
                var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                return ReadAsync(bytes, chunk, long.MaxValue);
            },
            iter: 2_000,
            time: 8);
    }

    [Fact]
    public async Task Random_bytes_yield_participants_or_a_line_error_and_never_hang()
    {
        await Gen.Byte.Array[0, 2_000].Select(Gen.Int[1, 64]).SampleAsync(
            input => ReadAsync(input.Item1, input.Item2, long.MaxValue),
            iter: 2_000,
            time: 8);
    }

    [Fact]
    public async Task A_size_limit_stops_the_read_wherever_it_falls()
    {
        await Gen.Select(Line.List[1, 8], Gen.Int[1, 400]).SampleAsync(
            input =>
            {
                var bytes = Encoding.UTF8.GetBytes(string.Join('\n', input.Item1));
                return ReadAsync(bytes, 7, input.Item2);
            },
            iter: 1_000,
            time: 8);
    }

    // One input through a pipe in chunks, the writer beside the reader. A hang (the only way to fail that is not
    // an assertion) fails the input after a minute; it never paces the test.
    private static async Task ReadAsync(byte[] bytes, int chunk, long limit)
    {
        var pipe = new Pipe();
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < bytes.Length; i += chunk)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)));
            }

            await pipe.Writer.CompleteAsync();
        });
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var participant in NdjsonParticipants.ReadAsync(pipe.Reader, limit, CancellationToken.None))
                {
                    Assert.NotNull(participant);
                }
            }
            catch (Exception ex) when (ex is NdjsonLineException or NdjsonTooLargeException)
            {
                // The reader's own refusals.
            }
            finally
            {
                await pipe.Reader.CompleteAsync();
            }
        });
        try
        {
            await Task.WhenAll(reading, writing).WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            Assert.Fail("the reader hung");
        }
    }
}
