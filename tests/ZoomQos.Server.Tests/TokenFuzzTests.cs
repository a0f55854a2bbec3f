using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using ZoomQos.Contracts.Accounts;
using ZoomQos.Contracts.Qos;
using ZoomQos.Server.Auth;
using ZoomQos.Server.Qos;
using ZoomQos.Storage;

namespace ZoomQos.Server.Tests;

/// <summary>
/// Fuzzing the page-token and access-token decoders, bounded in time: random strings, random bytes as base64url,
/// and valid tokens with one character changed, cut short or extended. A decoder may only refuse (null); it never
/// throws, never accepts a changed token, and never takes long.
/// </summary>
public sealed class TokenFuzzTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("fuzzing-key-0123456789abcdef");
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private static readonly PageTokens Pages = new(Key, Time);
    private static readonly AccessTokens Access = new(Key, Time);
    private static readonly string ValidPage = Pages.Issue("demo", "uuid==", QosListType.Past, new ParticipantCursor(1_795_000_000_000, "16778240"));
    private static readonly string ValidAccess = Access.Issue(new ApiApp("client", "demo", ["dashboard_webinars:read:admin"]));

    private static readonly Gen<string> Base64Url = Gen.Byte.Array[0, 300].Select(b => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    [Fact]
    public void Random_page_tokens_are_refused_without_an_exception()
    {
        Gen.OneOf(Gen.String, Base64Url, Base64Url.Select(Base64Url, (a, b) => a + "." + b), Gen.Char.Array[0, 500].Select(c => new string(c))).Sample(
            token =>
            {
                Assert.Null(Pages.Read(token, "demo", "uuid==", QosListType.Past));
                Assert.Null(Pages.ReadWebinars(token, "demo", "type=past"));
            },
            time: 5);
    }

    [Fact]
    public void A_page_token_changed_anywhere_is_refused()
    {
        Assert.NotNull(Pages.Read(ValidPage, "demo", "uuid==", QosListType.Past));
        Gen.Select(Gen.Int[0, ValidPage.Length - 1], Gen.Char['-', 'z']).Sample(
            change =>
            {
                var (at, c) = change;
                var tampered = ValidPage[..at] + c + ValidPage[(at + 1)..];
                if (tampered != ValidPage)
                {
                    Assert.Null(Pages.Read(tampered, "demo", "uuid==", QosListType.Past));
                }

                Assert.Null(Pages.Read(ValidPage[..at], "demo", "uuid==", QosListType.Past));
                Assert.Null(Pages.Read(ValidPage + c, "demo", "uuid==", QosListType.Past));
            },
            time: 5);
    }

    [Fact]
    public void Random_and_changed_access_tokens_are_refused_without_an_exception()
    {
        Assert.NotNull(Access.Check("Bearer " + ValidAccess).Claims);
        Gen.OneOf(Gen.String, Base64Url.Select(Base64Url, (a, b) => a + "." + b), Gen.Select(Gen.Int[0, ValidAccess.Length - 1], Gen.Char['-', 'z']).Select(change =>
        {
            var tampered = ValidAccess[..change.Item1] + change.Item2 + ValidAccess[(change.Item1 + 1)..];
            return tampered == ValidAccess ? "x" : tampered;
        })).Sample(
            token =>
            {
                Assert.Null(Access.Check("Bearer " + token).Claims);
                Assert.Null(Access.Check(token).Claims);
            },
            time: 5);
    }
}
