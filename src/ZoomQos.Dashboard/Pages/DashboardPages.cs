using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Dashboard.Api;
using ZoomQos.Dashboard.Report;
using ZoomQos.Storage;

namespace ZoomQos.Dashboard.Pages;

/// <summary>
/// The pages a person looks at: <c>/webinars</c> (the list, drawn by <c>webinars.js</c> from <c>/dashboard/api/webinars</c>)
/// and <c>/webinars/{webinarId}/instances/{uuid}</c> (the report, drawn by the offline report's own script from the
/// document the server puts in it; a live instance's page draws each new minute in place). Signed-in users only.
/// </summary>
internal static class DashboardPages
{
    private static readonly Lazy<string> Webinars = new(() => Assets.Read("webinars.html").Replace("<!--ZOOMQOS:SCRIPT-->", Assets.Read("webinars.js"), StringComparison.Ordinal));
    private static readonly Lazy<string> Live = new(() => Assets.Read("live.js"));

    private static readonly Lazy<string> Nav = new(() => Assets.Read("nav.js"));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/webinars")).ExcludeFromDescription();
        app.MapGet("/webinars", (HttpContext http, ClaimsPrincipal user, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var signOut = $"""<form method="post" action="/signout"><span class="muted">{WebUtility.HtmlEncode(user.Identity?.Name)}</span> <input type="hidden" name="{WebUtility.HtmlEncode(tokens.FormFieldName)}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}"><button type="submit">Sign out</button></form>""";
            return Results.Content(Webinars.Value.Replace("<!--ZOOMQOS:SIGNOUT-->", signOut, StringComparison.Ordinal), "text/html; charset=utf-8");
        }).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/webinars/{webinarId:long}/instances/{uuid}", async (long webinarId, string uuid, int? refresh, HttpContext http, ClaimsPrincipal user, IQosStore store, TimeProvider time) =>
        {
            var document = await InstanceReports.BuildAsync(store, DashboardApi.AccountOf(user), Uri.UnescapeDataString(uuid), time, http.RequestAborted);
            if (document is null || document.WebinarId != webinarId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return Results.NotFound();
            }

            var every = Math.Clamp(refresh ?? 60, 1, 600) * 1000;
            var after = Nav.Value + (document.Type == "live" ? $"\nwindow.zoomqosRefreshMs = {every};\n" + Live.Value : string.Empty);
            return Results.Stream(stream => HtmlReport.WriteAsync(stream, document, http.RequestAborted, after), "text/html; charset=utf-8");
        }).RequireAuthorization().ExcludeFromDescription();
    }
}
