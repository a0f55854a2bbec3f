using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ZoomQos.Dashboard.Api;
using ZoomQos.Dashboard.Auth;
using ZoomQos.Storage;

namespace ZoomQos.Dashboard;

/// <summary>
/// ZoomQos.Dashboard: the account in a browser, served by <c>zoomqos serve</c> beside the API. <see cref="AddServices"/>
/// and <see cref="Map"/> are the server's two hooks (<c>ServerOptions.ConfigureServices</c> and <c>ConfigureApp</c>).
/// Sessions are cookies protected by Data Protection keys kept in the store, so every node accepts them.
/// </summary>
public static class DashboardSetup
{
    /// <summary>Cookie authentication, antiforgery, Data Protection on the store, the sign-in limiter.</summary>
    /// <param name="services">The server's services.</param>
    public static void AddServices(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("ZoomQos");
        services.AddOptions<KeyManagementOptions>().Configure<IQosStore>((options, store) => options.XmlRepository = new StoreKeyRepository(store));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "zoomqos.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/signin";
            options.Events.OnRedirectToLogin = context =>
            {
                // A script asking for JSON gets a 401, a person asking for a page the sign-in form.
                if (context.Request.Path.StartsWithSegments("/dashboard/api", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "zoomqos.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<SignInLimiter>();
    }

    /// <summary>The middleware and the routes: <c>/signin</c>, <c>/signout</c>, <c>/dashboard/api/…</c>.</summary>
    /// <param name="app">The server's application.</param>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        SignInEndpoints.Map(app);
        DashboardApi.Map(app);
        Pages.DashboardPages.Map(app);
    }
}
