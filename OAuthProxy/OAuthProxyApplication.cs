using AspireAuth.OAuthProxy.Endpoints;
using AspireAuth.OAuthProxy.Oidc;
using AspireAuth.OAuthProxy.Options;
using AspireAuth.OAuthProxy.Redirects;
using AspireAuth.OAuthProxy.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace AspireAuth.OAuthProxy;

/// <summary>
/// An oauth2-proxy equivalent: oauth2-proxy's config file, flags and <c>OAUTH2_PROXY_*</c> variables; its endpoints,
/// statuses and bodies; cookie or Redis sessions; keycloak-oidc groups and roles; the ext_authz answer for the gateway.
/// </summary>
public static class OAuthProxyApplication
{
    /// <summary>Service-discovery name (the AppHost resource).</summary>
    public const string ResourceName = "oauth2-proxy";

    /// <summary>oauth2-proxy's port.</summary>
    public const int DefaultPort = 4180;

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaults();
        var options = LoadOptions(builder.Configuration);
        if (options.Upstreams.Any(u => !u.StartsWith("static://", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"invalid configuration:\n  upstream {string.Join(", ", options.Upstreams)}: AspireAuth's OAuthProxy serves static:// upstreams only (the Istio ext_authz pattern)");
        }

        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient("oauth2-proxy-backend");
        builder.Services.AddSingleton(sp => new OidcProvider(options, new HttpClient(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(new RedirectValidator(options.WhitelistDomains));
        builder.Services.AddSingleton<EmailValidator>();
        builder.Services.AddSingleton<SessionResolver>();
        builder.Services.AddSingleton<OAuthProxyEndpoints>();
        if (options.SessionStoreType == "redis")
        {
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConfiguration(options.RedisConnectionUrl!)));
            builder.Services.AddSingleton<ISessionStore, RedisSessionStore>();
        }
        else
        {
            builder.Services.AddSingleton<ISessionStore, CookieSessionStore>();
        }

        var app = builder.Build();
        app.UseMiddleware<RedisErrorMiddleware>();
        app.MapDefaultEndpoints();
        var prefix = options.ProxyPrefix;
        var endpoints = app.Services.GetRequiredService<OAuthProxyEndpoints>();
        app.MapGet(options.PingPath, OAuthProxyEndpoints.PingAsync);
        app.MapGet(options.ReadyPath, endpoints.ReadyAsync);
        app.MapMethods($"{prefix}/sign_in", ["GET", "POST"], endpoints.SignInAsync);
        app.MapGet($"{prefix}/start", endpoints.StartAsync);
        app.MapGet($"{prefix}/callback", endpoints.CallbackAsync);
        app.MapMethods($"{prefix}/sign_out", ["GET", "POST"], endpoints.SignOutAsync);
        app.MapMethods($"{prefix}/auth", ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"], endpoints.AuthAsync);
        app.MapGet($"{prefix}/userinfo", endpoints.UserInfoAsync);
        app.MapFallback(endpoints.ProxyAsync);
        return app;
    }

    /// <summary>
    /// Flags come from the command line (<c>--config=...</c>, <c>--cookie-secret=...</c>), <c>OAUTH2_PROXY_*</c> from the
    /// environment (or configuration), and the config file's <c>${VAR}</c> from <c>Mesh:Variables</c> and the environment.
    /// </summary>
    public static OAuthProxyOptions LoadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var flags = configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && !kv.Key.Contains(':', StringComparison.Ordinal) && kv.Key.Contains('-', StringComparison.Ordinal) || kv.Key == "config")
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        var environment = configuration.AsEnumerable()
            .Where(kv => kv.Key.StartsWith("OAUTH2_PROXY_", StringComparison.Ordinal) && kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        var variables = System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
        foreach (var variable in configuration.GetSection("Mesh:Variables").GetChildren())
        {
            variables[variable.Key] = variable.Value ?? string.Empty;
        }

        if (configuration.GetConnectionString("redis") is { Length: > 0 } redis && !variables.ContainsKey("REDIS_ADDR"))
        {
            variables["REDIS_ADDR"] = redis.Split(',')[0];
        }

        return OptionsBuilder.Build(ProxySettings.Load(flags, environment, variables));
    }

    /// <summary><c>redis://[user[:password]@]host[:port][/db]</c> as StackExchange.Redis options (reconnecting in the background).</summary>
    private static ConfigurationOptions RedisConfiguration(string url)
    {
        var uri = new Uri(url);
        var configuration = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = 2000, SyncTimeout = 2000, AsyncTimeout = 2000 };
        configuration.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            (configuration.User, configuration.Password) = parts.Length == 2 ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1])) : (null, Uri.UnescapeDataString(parts[0]));
        }

        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db && int.TryParse(db, out var number))
        {
            configuration.DefaultDatabase = number;
        }

        return configuration;
    }
}
