using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ZoomQos.Server.Dashboard;
using ZoomQos.Storage;

namespace ZoomQos.Dashboard.Auth;

/// <summary>
/// <c>/signin</c> (a form with an antiforgery token; a wrong email or password gets no session and the same answer
/// either way; too many failures are refused for a while) and <c>/signout</c>. A session is an HttpOnly, SameSite=Strict
/// cookie (Secure on https) naming the user and their one account.
/// </summary>
internal static class SignInEndpoints
{
    public const string AccountClaim = "zoomqos:account";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext http, IAntiforgery antiforgery) => Page(http, antiforgery, null, StatusCodes.Status200OK)).ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).ExcludeFromDescription();
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin", permanent: false);
        }).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpContext http, [FromForm] string? email, [FromForm] string? password, IQosStore store, SignInLimiter limiter, IAntiforgery antiforgery)
    {
        var key = (http.Connection.RemoteIpAddress?.ToString() ?? "-") + "|" + (email ?? string.Empty).Trim().ToLowerInvariant();
        if (limiter.Blocked(key) is { } wait)
        {
            return Page(http, antiforgery, string.Create(CultureInfo.InvariantCulture, $"Too many failed sign-ins. Try again in {Math.Ceiling(wait.TotalMinutes):0} minutes."), StatusCodes.Status429TooManyRequests);
        }

        var user = await DashboardPasswords.SignInAsync(store, email ?? string.Empty, password ?? string.Empty, http.RequestAborted);
        if (user is null)
        {
            limiter.Failed(key);
            return Page(http, antiforgery, "Wrong email or password.", StatusCodes.Status401Unauthorized);
        }

        limiter.Succeeded(key);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Email), new Claim(AccountClaim, user.AccountId)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect("/webinars", permanent: false);
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var message = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>Sign in — ZoomQos</title>
            <style>
              body { margin:0; font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:#1c2430; background:#f6f8fa; }
              main { max-width:360px; margin:12vh auto; background:#fff; border:1px solid #d0d7de; border-radius:8px; padding:24px 28px; }
              h1 { font-size:20px; margin:0 0 16px; } label { display:block; margin:12px 0 4px; font-weight:600; }
              input { width:100%; box-sizing:border-box; padding:8px 10px; font:inherit; border:1px solid #8c959f; border-radius:6px; }
              button { margin-top:18px; width:100%; padding:9px; font:inherit; font-weight:600; color:#fff; background:#0b5cad; border:0; border-radius:6px; cursor:pointer; }
              button:focus-visible, input:focus-visible { outline:3px solid #f9a825; outline-offset:1px; }
              .error { color:#a40e26; background:#ffebe9; padding:8px 10px; border-radius:6px; }
            </style>
            </head>
            <body>
            <main>
            <h1>ZoomQos</h1>
            {{message}}
            <form method="post" action="/signin">
              <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="username" required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
