using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ZoomQos.Contracts.Errors;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Server.Qos;
using ZoomQos.Server.Telemetry;

namespace ZoomQos.Server.Errors;

/// <summary>
/// The one error writer of the server: every Zoom error of contract section 5, with Zoom's status, code and
/// message. Nothing else in the server builds an error body.
/// </summary>
internal static class ZoomErrors
{
    public static JsonHttpResult<ZoomError> Write(int status, int code, string message, IReadOnlyList<ZoomFieldError>? errors = null) =>
        TypedResults.Json(new ZoomError { Code = code, Message = message, Errors = errors }, ZoomJsonContext.Wire.ZoomError, statusCode: status);

    public static JsonHttpResult<ZoomError> InvalidToken() => Write(401, 124, "Invalid access token.");

    public static JsonHttpResult<ZoomError> ExpiredToken() => Write(401, 124, "Access token is expired.");

    public static JsonHttpResult<ZoomError> MissingScopes(IEnumerable<string> accepted) =>
        Write(400, 4711, $"Invalid access token, does not contain scopes:[{string.Join(", ", accepted)}].");

    public static JsonHttpResult<ZoomError> NotPaidOrNoDashboard() => Write(400, 200, "Only available for paid account and enabled Dashboard feature.");

    public static JsonHttpResult<ZoomError> ValidationFailed(string field) =>
        Write(400, 300, "Validation Failed.", [new ZoomFieldError(field, "Invalid field.")]);

    public static JsonHttpResult<ZoomError> ValidationFailed(string field, string message) =>
        Write(400, 300, "Validation Failed.", [new ZoomFieldError(field, message)]);

    public static JsonHttpResult<ZoomError> BadPageToken(HttpContext http)
    {
        http.Metrics().PageTokenRefused(http);
        return Write(400, 300, "The next page token is invalid or expired.");
    }

    public static JsonHttpResult<ZoomError> InstanceNotFound(QosSurface surface) =>
        Write(404, 3001, $"This {surface.Noun}'s detail is not available or the {surface.Title} ID is not valid. This {surface.Noun} has not ended yet.");

    public static JsonHttpResult<ZoomError> ParticipantNotFound(QosSurface surface) => Write(404, 3001, $"This {surface.Noun}'s detail info is not available or ID is not valid.");

    public static JsonHttpResult<ZoomError> BeyondRetention(QosSurface surface) => Write(400, 12702, $"Can not access a {surface.Noun} a year ago.");

    /// <summary>Ours: the instance is known but its data is withheld.</summary>
    public static JsonHttpResult<ZoomError> CannotAccessInfo(QosSurface surface, string id) => Write(400, 300, $"Can not access {surface.Noun} info, {id}.");

    public static JsonHttpResult<ZoomError> NotASubAccount() => Write(404, 2001, "This account does not exist or does not belong to this master account.");

    public static JsonHttpResult<ZoomError> RouteNotFound() => Write(404, 404, "The requested resource does not exist.");

    public static JsonHttpResult<ZoomError> MethodNotAllowed() => Write(405, 405, "The requested method is not allowed for this resource.");

    public static JsonHttpResult<ZoomError> TooLarge(long limit) => Write(413, 300, $"Request body is larger than {limit} bytes.");

    public static JsonHttpResult<ZoomError> PerSecondLimit() =>
        Write(429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.");

    public static JsonHttpResult<ZoomError> DailyLimit() =>
        Write(429, 429, "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.");

    public static JsonHttpResult<ZoomError> ServerFault(int status) => Write(status, status, "Injected fault: the server is pretending to fail.");
}
