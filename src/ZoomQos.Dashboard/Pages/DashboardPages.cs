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
/// The pages a person looks at, each a shell drawn by its script from <c>/dashboard/api/…</c>: <c>/webinars</c>,
/// <c>/trends</c>, <c>/trends/{webinarId}</c>, <c>/participants?q=</c>, <c>/participants/{person}</c>; and
/// <c>/webinars/{webinarId}/instances/{uuid}</c>, the report drawn by the offline report's own script from the document
/// the server puts in it (a live instance's page draws each new minute in place). Signed-in users only.
/// </summary>
internal static class DashboardPages
{
    private static readonly (string Href, string Text)[] Sections = [("/webinars", "Webinars"), ("/trends", "Trends"), ("/participants", "Participants")];

    private static readonly Lazy<string> Layout = new(() => Assets.Read("layout.html"));
    private static readonly Lazy<string> Common = new(() => Assets.Read("common.js"));
    private static readonly Lazy<string> Live = new(() => Assets.Read("live.js"));
    private static readonly Lazy<string> Nav = new(() => Assets.Read("nav.js"));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/webinars")).ExcludeFromDescription();
        Shell(app, "/webinars", "webinars", "Webinars", "/webinars");
        Shell(app, "/trends", "trends", "Trends", "/trends");
        Shell(app, "/trends/{webinarId:long}", "webinar-trend", "Webinar trend", "/trends");
        Shell(app, "/participants", "participants", "Participants", "/participants", people: true);
        Shell(app, "/participants/{person}", "participant", "Participant history", "/participants", people: true);
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

    // One page: the layout with this page's main and script; its section marked in the navigation. A page about people
    // says, for an account with privacy blanking, that nobody is known by name or email, and asks for nothing.
    private static void Shell(IEndpointRouteBuilder app, string route, string name, string title, string section, bool people = false)
    {
        string Page(string main, string script) => Layout.Value
            .Replace("<!--ZOOMQOS:TITLE-->", WebUtility.HtmlEncode(title), StringComparison.Ordinal)
            .Replace("<!--ZOOMQOS:NAV-->", string.Concat(Sections.Select(s => $"<a href=\"{s.Href}\"{(s.Href == section ? " aria-current=\"page\"" : string.Empty)}>{s.Text}</a>")), StringComparison.Ordinal)
            .Replace("<!--ZOOMQOS:MAIN-->", main, StringComparison.Ordinal)
            .Replace("<!--ZOOMQOS:SCRIPT-->", Common.Value + "\n" + script, StringComparison.Ordinal);
        var body = new Lazy<string>(() => Page(Assets.Read(name + ".main.html"), Assets.Read(name + ".js")));
        var blanked = new Lazy<string>(() => Page(
            "<p id=\"blanked\">This account's names and emails are blanked (privacy blanking, as Zoom does without a HIPAA BAA): nobody is known by name or email, so there is no one to look up.</p>",
            "window.zoomqosReady = true;"));
        app.MapGet(route, async (HttpContext http, ClaimsPrincipal user, IAntiforgery antiforgery, IQosStore store) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var signOut = $"""<form method="post" action="/signout"><span class="muted">{WebUtility.HtmlEncode(user.Identity?.Name)}</span> <input type="hidden" name="{WebUtility.HtmlEncode(tokens.FormFieldName)}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}"><button type="submit">Sign out</button></form>""";
            var html = people && await DashboardApi.BlankedAsync(store, DashboardApi.AccountOf(user), http.RequestAborted) ? blanked.Value : body.Value;
            return Results.Content(html.Replace("<!--ZOOMQOS:SIGNOUT-->", signOut, StringComparison.Ordinal), "text/html; charset=utf-8");
        }).RequireAuthorization().ExcludeFromDescription();
    }
}
