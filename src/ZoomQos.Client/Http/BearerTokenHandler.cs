using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Client.Http;

/// <summary>
/// Adds the bearer token to every attempt (it sits inside the retry, so a retried request carries a fresh
/// token), and on a 401 with code 124 refreshes the token once and replays the request.
/// </summary>
internal sealed class BearerTokenHandler(ZoomCredential credential) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await credential.GetTokenAsync(false, cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !await IsCode124Async(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await credential.GetTokenAsync(true, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private static async Task<bool> IsCode124Async(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var error = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(cancellationToken), ZoomJsonContext.Default.ZoomError);
            return error?.Code == 124;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
