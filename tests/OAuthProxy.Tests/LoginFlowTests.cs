using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AspireAuth.OAuthProxy.Tests;

/// <summary>
/// The browser login end to end over real HTTP: OAuthProxy with the repository's OPEA config against the Keycloak
/// emulator's realm, sessions in a real redis-server (or cookies), as the gateway's ext_authz check calls it.
/// </summary>
public sealed partial class LoginFlowTests : IAsyncLifetime
{
    private const string Callback = "http://localhost:4180/oauth2/callback";
    private const string CookieSecret = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=";
    private WebApplication _keycloak = null!;
    private string _issuerAddr = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Keycloak:RealmsPath"] = Path.Combine(Fixtures.RepositoryRoot, "config", "realms") });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _keycloak = KeycloakEmulator.KeycloakEmulatorApplication.Build(builder);
        await _keycloak.StartAsync();
        _issuerAddr = new Uri(Address(_keycloak)).Authority;
    }

    public async ValueTask DisposeAsync() => await _keycloak.DisposeAsync();

    [Fact]
    public async Task MaryLogsIn_WithRedisSessions_ThenIsAuthenticated_AndSignOutRemovesTheSession()
    {
        using var redis = new RedisServer();
        await using var proxy = await StartProxyAsync(new Dictionary<string, string?> { ["REDIS_ADDR"] = $"127.0.0.1:{redis.Port}" });
        var (cookie, location) = await LoginAsync(proxy.Client, "mary", "/v1/chatqna?x=1");
        Assert.Equal("/v1/chatqna?x=1", location);
        Assert.Matches("^_oauth2_proxy=v2\\.", cookie);
        Assert.Contains("_oauth2_proxy-", redis.Command("KEYS *"), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/chatqna");
        request.Headers.Add("Cookie", cookie);
        using var allowed = await proxy.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("Authenticated", await allowed.Content.ReadAsStringAsync(Ct));
        Assert.Equal("mary@example.com", allowed.Headers.GetValues("X-Auth-Request-Email").Single());
        Assert.Equal("mary", allowed.Headers.GetValues("X-Auth-Request-Preferred-Username").Single());
        Assert.Contains("/user", allowed.Headers.GetValues("X-Auth-Request-Groups").Single().Split(','));
        Assert.Contains("role:chatqna:user", allowed.Headers.GetValues("X-Auth-Request-Groups").Single().Split(','));
        Assert.StartsWith("Bearer ey", allowed.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);

        using var auth = new HttpRequestMessage(HttpMethod.Get, "/oauth2/auth?allowed_groups=/admin");
        auth.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Forbidden, (await proxy.Client.SendAsync(auth, Ct)).StatusCode);
        using var auth202 = new HttpRequestMessage(HttpMethod.Get, "/oauth2/auth?allowed_groups=/user");
        auth202.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Accepted, (await proxy.Client.SendAsync(auth202, Ct)).StatusCode);

        using var signOut = new HttpRequestMessage(HttpMethod.Get, "/oauth2/sign_out?rd=%2Fbye");
        signOut.Headers.Add("Cookie", cookie);
        using var signedOut = await proxy.Client.SendAsync(signOut, Ct);
        Assert.Equal("/bye", signedOut.Headers.Location!.ToString());
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("_oauth2_proxy=;", StringComparison.Ordinal));
        Assert.Equal("*0\r\n", redis.Command("KEYS *"));

        using var after = new HttpRequestMessage(HttpMethod.Get, "/oauth2/auth");
        after.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.Client.SendAsync(after, Ct)).StatusCode);
    }

    [Fact]
    public async Task Bob_IsRefusedAtTheCallback_With403()
    {
        await using var proxy = await StartProxyAsync(new Dictionary<string, string?> { ["OAUTH2_PROXY_SESSION_STORE_TYPE"] = "cookie" });
        var (status, body) = await LoginExpectingFailureAsync(proxy.Client, "bob");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You do not have permission to access this resource.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthenticated_Browser302WithCsrfCookie_JsonClient401_AuthEndpoint401()
    {
        await using var proxy = await StartProxyAsync(new Dictionary<string, string?> { ["OAUTH2_PROXY_SESSION_STORE_TYPE"] = "cookie" });
        using var browser = await proxy.Client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Found, browser.StatusCode);
        var location = browser.Headers.Location!.ToString();
        Assert.StartsWith($"http://{_issuerAddr}/realms/istio/protocol/openid-connect/auth?approval_prompt=force&client_id=chatqna&redirect_uri=http%3A%2F%2Flocalhost%3A4180%2Foauth2%2Fcallback&response_type=code&scope=openid+groups&state=", location, StringComparison.Ordinal);
        Assert.EndsWith("%3A%2F", location, StringComparison.Ordinal);
        Assert.Contains(browser.Headers.GetValues("Set-Cookie"), c => c.StartsWith("_oauth2_proxy_csrf=", StringComparison.Ordinal) && c.Contains("max-age=900", StringComparison.OrdinalIgnoreCase));

        using var json = new HttpRequestMessage(HttpMethod.Get, "/api");
        json.Headers.Add("Accept", "application/json, text/plain, */*");
        using var jsonResponse = await proxy.Client.SendAsync(json, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, jsonResponse.StatusCode);
        Assert.Equal("{}", await jsonResponse.Content.ReadAsStringAsync(Ct));

        using var auth = await proxy.Client.GetAsync("/oauth2/auth", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, auth.StatusCode);
        Assert.Equal("Unauthorized\n", await auth.Content.ReadAsStringAsync(Ct));
        Assert.Equal("OK", await proxy.Client.GetStringAsync("/ping", Ct));
    }

    [Fact]
    public async Task BearerToken_IsAcceptedWithSkipJwtBearerTokens()
    {
        await using var proxy = await StartProxyAsync(new Dictionary<string, string?> { ["OAUTH2_PROXY_SESSION_STORE_TYPE"] = "cookie" });
        using var kc = new HttpClient { BaseAddress = new Uri(Address(_keycloak)) };
        using var form = new FormUrlEncodedContent([new("grant_type", "password"), new("client_id", "chatqna"), new("client_secret", "chatqna-local-secret"), new("username", "mary"), new("password", "mary"), new("scope", "openid groups")]);
        using var tokens = System.Text.Json.JsonDocument.Parse(await (await kc.PostAsync("/realms/istio/protocol/openid-connect/token", form, Ct)).Content.ReadAsStringAsync(Ct));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/anything");
        request.Headers.Authorization = new("Bearer", tokens.RootElement.GetProperty("id_token").GetString());
        using var response = await proxy.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RedisDown_IsA500Page_AndRecoversWhenRedisReturns()
    {
        var redis = new RedisServer();
        try
        {
            await using var proxy = await StartProxyAsync(new Dictionary<string, string?> { ["REDIS_ADDR"] = $"127.0.0.1:{redis.Port}" });
            var (cookie, _) = await LoginAsync(proxy.Client, "mary", "/");
            redis.Stop();
            using var down = new HttpRequestMessage(HttpMethod.Get, "/");
            down.Headers.Add("Cookie", cookie);
            using var failed = await proxy.Client.SendAsync(down, Ct);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Contains("Oops! Something went wrong.", await failed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.InternalServerError, (await proxy.Client.GetAsync("/ready", Ct)).StatusCode);

            redis.Start();
            var recovered = false;
            for (var i = 0; i < 50 && !recovered; i++)
            {
                recovered = (await proxy.Client.GetAsync("/ready", Ct)).StatusCode == HttpStatusCode.OK;
                await Task.Delay(100, Ct);
            }

            Assert.True(recovered, "OAuthProxy did not reconnect to Redis");
            var (again, _) = await LoginAsync(proxy.Client, "mary", "/");
            using var ok = new HttpRequestMessage(HttpMethod.Get, "/");
            ok.Headers.Add("Cookie", again);
            Assert.Equal(HttpStatusCode.OK, (await proxy.Client.SendAsync(ok, Ct)).StatusCode);
        }
        finally
        {
            redis.Dispose();
        }
    }

    private static string OpeaConfig => Path.Combine(Fixtures.RepositoryRoot, "config", "oauth2-proxy", "oauth2-proxy.cfg");

    private async Task<ProxyServer> StartProxyAsync(Dictionary<string, string?> settings, TimeProvider? time = null, string? configFile = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", Args = [$"--config={configFile ?? OpeaConfig}"] });
        var values = new Dictionary<string, string?>
        {
            ["Mesh:Variables:KEYCLOAK_ADDR"] = _issuerAddr,
            ["Mesh:Variables:REALM"] = "istio",
            ["Mesh:Variables:CLIENT"] = "chatqna",
            ["Mesh:Variables:URL"] = "http://localhost:4180",
            ["Mesh:Variables:REDIS_ADDR"] = "127.0.0.1:1",
            ["OAUTH2_PROXY_CLIENT_SECRET"] = "chatqna-local-secret",
            ["OAUTH2_PROXY_COOKIE_SECRET"] = CookieSecret,
        };
        foreach (var (key, value) in settings)
        {
            values[key == "REDIS_ADDR" ? "Mesh:Variables:REDIS_ADDR" : key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var app = OAuthProxyApplication.Build(builder);
        await app.StartAsync();
        return new ProxyServer(app, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Address(app)) });
    }

    /// <summary>Browser steps: proxy → 302 to Keycloak (CSRF cookie) → login form → code → proxy callback → session cookie.</summary>
    private async Task<(string SessionCookie, string Location)> LoginAsync(HttpClient proxy, string user, string path)
    {
        var (status, response) = await CallbackAsync(proxy, user, path);
        Assert.Equal(HttpStatusCode.Found, status);
        var session = string.Join("; ", response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("_oauth2_proxy=", StringComparison.Ordinal) || c.StartsWith("_oauth2_proxy_", StringComparison.Ordinal) && !c.StartsWith("_oauth2_proxy_csrf", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        return (session, response.Headers.Location!.ToString());
    }

    private async Task<(HttpStatusCode Status, string Body)> LoginExpectingFailureAsync(HttpClient proxy, string user)
    {
        var (status, response) = await CallbackAsync(proxy, user, "/");
        return (status, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<(HttpStatusCode, HttpResponseMessage)> CallbackAsync(HttpClient proxy, string user, string path)
    {
        using var start = await proxy.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        var csrf = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("_oauth2_proxy_csrf=", StringComparison.Ordinal)).Split(';')[0];
        using var kc = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var page = await kc.GetStringAsync(start.Headers.Location, Ct);
        var action = WebUtility.HtmlDecode(ActionPattern().Match(page).Groups[1].Value);
        using var login = await kc.PostAsync(action, new FormUrlEncodedContent([new("username", user), new("password", user)]), Ct);
        var redirect = login.Headers.Location!;
        Assert.StartsWith(Callback, redirect.ToString(), StringComparison.Ordinal);
        using var callback = new HttpRequestMessage(HttpMethod.Get, "/oauth2/callback" + redirect.Query);
        callback.Headers.Add("Cookie", csrf);
        var response = await proxy.SendAsync(callback, Ct);
        return (response.StatusCode, response);
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();

    private sealed class ProxyServer(WebApplication app, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client { get; } = client;

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.DisposeAsync();
        }
    }
}
