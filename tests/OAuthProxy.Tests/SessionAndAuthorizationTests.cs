using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace AspireAuth.OAuthProxy.Tests;

/// <summary>
/// Sessions over time (cookie_refresh, cookie_expire on a fake clock), the cookie store's split cookies, and the
/// authorization options (email_domains, allowed_roles, extra_jwt_issuers, code_challenge_method), each against the
/// Keycloak emulator and the repository's OPEA config with one setting changed the way oauth2-proxy would take it.
/// </summary>
public sealed partial class LoginFlowTests
{
    private static readonly Dictionary<string, string?> s_cookieStore = new() { ["OAUTH2_PROXY_SESSION_STORE_TYPE"] = "cookie" };

    [Fact]
    public async Task CookieStore_SplitsALargeSession_AndNeedsEveryPart()
    {
        await using var proxy = await StartProxyAsync(s_cookieStore);
        var (cookie, _) = await LoginAsync(proxy.Client, "mary", "/");
        var parts = cookie.Split("; ");
        Assert.True(parts.Length >= 2, $"expected a split session cookie, got {string.Join(", ", parts.Select(p => p.Split('=')[0]))}");
        Assert.Equal(Enumerable.Range(0, parts.Length).Select(i => $"_oauth2_proxy_{i}"), parts.Select(p => p.Split('=')[0]));
        Assert.All(parts, p => Assert.True(p.Length <= 4096, $"{p.Split('=')[0]} is {p.Length} bytes"));

        Assert.Equal(HttpStatusCode.Accepted, await AuthStatusAsync(proxy.Client, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await AuthStatusAsync(proxy.Client, parts[0]));
        var tampered = cookie.Replace(parts[^1], parts[^1][..^4] + "AAAA", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await AuthStatusAsync(proxy.Client, tampered));
    }

    [Fact]
    public async Task CookieOptions_ShapeTheSessionAndCsrfCookies()
    {
        await using var proxy = await StartProxyAsync(new(s_cookieStore)
        {
            ["OAUTH2_PROXY_COOKIE_NAME"] = "_chat",
            ["OAUTH2_PROXY_COOKIE_PATH"] = "/app",
            ["OAUTH2_PROXY_COOKIE_SAMESITE"] = "strict",
            ["OAUTH2_PROXY_COOKIE_DOMAINS"] = "example.com,.localhost",
            ["OAUTH2_PROXY_COOKIE_SECURE"] = "true",
        });
        using var start = await proxy.Client.GetAsync("/app/", Ct);
        var csrf = start.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("_chat_csrf=", csrf, StringComparison.Ordinal);
        Assert.Contains("max-age=900", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/app", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("domain=.localhost", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", csrf, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AfterCookieRefresh_TheSessionIsRefreshedWithTheRefreshToken()
    {
        using var redis = new RedisServer();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var proxy = await StartProxyAsync(new() { ["REDIS_ADDR"] = $"127.0.0.1:{redis.Port}" }, clock);
        var (cookie, _) = await LoginAsync(proxy.Client, "mary", "/");
        var (status, first, _) = await AuthAsync(proxy.Client, cookie);
        Assert.Equal(HttpStatusCode.Accepted, status);

        clock.Advance(TimeSpan.FromSeconds(60));
        var (_, unchanged, _) = await AuthAsync(proxy.Client, cookie);
        Assert.Equal(first, unchanged);

        // cookie_refresh = "2m" in the OPEA config: past it, the next request redeems the refresh token.
        clock.Advance(TimeSpan.FromSeconds(70));
        var (refreshedStatus, refreshed, setCookie) = await AuthAsync(proxy.Client, cookie);
        Assert.Equal(HttpStatusCode.Accepted, refreshedStatus);
        Assert.NotEqual(first, refreshed);
        Assert.NotNull(setCookie);
        Assert.Equal(HttpStatusCode.Accepted, await AuthStatusAsync(proxy.Client, setCookie));
    }

    [Fact]
    public async Task AfterCookieExpire_TheSessionIsGone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var proxy = await StartProxyAsync(new(s_cookieStore) { ["OAUTH2_PROXY_COOKIE_REFRESH"] = "0" }, clock);
        var (cookie, _) = await LoginAsync(proxy.Client, "mary", "/");
        clock.Advance(TimeSpan.FromSeconds(179));
        Assert.Equal(HttpStatusCode.Accepted, await AuthStatusAsync(proxy.Client, cookie));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await AuthStatusAsync(proxy.Client, cookie));
    }

    [Fact]
    public async Task EmailDomains_RefuseAnAddressOutsideThem()
    {
        await using var proxy = await StartProxyAsync(new(s_cookieStore) { ["OAUTH2_PROXY_EMAIL_DOMAINS"] = "example.org" });
        var (status, body) = await LoginExpectingFailureAsync(proxy.Client, "mary");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You do not have permission to access this resource.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedRoles_AdmitARealmRoleOnItsOwn()
    {
        // No group matches; realm role viewer (bob's) is enough, and mary (role user) is refused.
        await using var proxy = await StartProxyAsync(new(s_cookieStore)
        {
            ["OAUTH2_PROXY_ALLOWED_GROUPS"] = "/nobody",
            ["OAUTH2_PROXY_ALLOWED_ROLES"] = "viewer",
        });
        var (bob, _) = await LoginAsync(proxy.Client, "bob", "/");
        Assert.Equal(HttpStatusCode.Accepted, await AuthStatusAsync(proxy.Client, bob));
        Assert.Equal(HttpStatusCode.Forbidden, (await LoginExpectingFailureAsync(proxy.Client, "mary")).Status);
    }

    [Fact]
    public async Task CodeChallengeMethodS256_SendsAChallenge_AndTheLoginCompletes()
    {
        await using var proxy = await StartProxyAsync(new(s_cookieStore) { ["OAUTH2_PROXY_CODE_CHALLENGE_METHOD"] = "S256" });
        using var start = await proxy.Client.GetAsync("/", Ct);
        var location = start.Headers.Location!.ToString();
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.Matches("code_challenge=[A-Za-z0-9_-]{43}&", location);
        var (cookie, _) = await LoginAsync(proxy.Client, "mary", "/");
        Assert.Equal(HttpStatusCode.Accepted, await AuthStatusAsync(proxy.Client, cookie));
    }

    [Fact]
    public async Task ExtraJwtIssuers_AcceptABearerTokenForTheirAudience()
    {
        // An oauth2-proxy for client istio: mary's token (from the public client istio, so azp istio) carries the audiences
        // Keycloak resolved from her roles (chatqna, account) but not istio, so the OIDC verifier refuses it ...
        using var kc = new HttpClient { BaseAddress = new Uri(Address(_keycloak)) };
        using var form = new FormUrlEncodedContent([new("grant_type", "password"), new("client_id", "istio"), new("username", "mary"), new("password", "mary")]);
        using var tokens = JsonDocument.Parse(await (await kc.PostAsync("/realms/istio/protocol/openid-connect/token", form, Ct)).Content.ReadAsStringAsync(Ct));
        var token = tokens.RootElement.GetProperty("access_token").GetString()!;
        var payload = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement;
        var audiences = payload.GetProperty("aud") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Select(a => a.GetString()!).ToArray() : [payload.GetProperty("aud").GetString()!];
        Assert.DoesNotContain("istio", audiences);
        var issuer = payload.GetProperty("iss").GetString()!;
        var forIstio = new Dictionary<string, string?>(s_cookieStore) { ["OAUTH2_PROXY_CLIENT_ID"] = "istio" };

        await using (var plain = await StartProxyAsync(forIstio))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await BearerAuthStatusAsync(plain.Client, token));
        }

        // ... and an extra_jwt_issuers entry for its issuer and one of its audiences admits it. (Such a session has only
        // the token's own groups claim, none here, so this config drops OPEA's allowed_groups/allowed_roles.)
        var config = Path.Combine(Directory.CreateTempSubdirectory("oauth2-proxy-").FullName, "oauth2-proxy.cfg");
        await File.WriteAllLinesAsync(config, (await File.ReadAllLinesAsync(OpeaConfig, Ct)).Where(l => !l.StartsWith("allowed_", StringComparison.Ordinal)), Ct);
        await using var extra = await StartProxyAsync(new(forIstio) { ["OAUTH2_PROXY_EXTRA_JWT_ISSUERS"] = $"{issuer}={audiences[0]}" }, configFile: config);
        Assert.Equal(HttpStatusCode.Accepted, await BearerAuthStatusAsync(extra.Client, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await BearerAuthStatusAsync(extra.Client, token[..^3] + "abc"));
    }

    [Fact]
    public async Task WithoutSkipProviderButton_TheSignInPageIsShown_AndUserInfoDescribesTheSession()
    {
        await using var proxy = await StartProxyAsync(new(s_cookieStore) { ["OAUTH2_PROXY_SKIP_PROVIDER_BUTTON"] = "false" });
        using var page = await proxy.Client.GetAsync("/some/path", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Sign in with Keycloak", html, StringComparison.Ordinal);
        Assert.Contains("value=\"/some/path\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await proxy.Client.GetAsync("/oauth2/sign_in", Ct)).StatusCode);

        using var noSession = await proxy.Client.GetAsync("/oauth2/userinfo", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
    }

    [Fact]
    public async Task UserInfo_DescribesTheSession()
    {
        await using var proxy = await StartProxyAsync(s_cookieStore);
        var (cookie, _) = await LoginAsync(proxy.Client, "mary", "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oauth2/userinfo");
        request.Headers.Add("Cookie", cookie);
        using var response = await proxy.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("mary@example.com", info.GetProperty("email").GetString());
        Assert.Equal("mary", info.GetProperty("preferredUsername").GetString());
        Assert.Contains("/user", info.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    private async Task<HttpStatusCode> AuthStatusAsync(HttpClient proxy, string cookie) => (await AuthAsync(proxy, cookie)).Status;

    /// <summary><c>/oauth2/auth</c> with a session cookie: status, the Authorization header it passes on, a renewed cookie.</summary>
    private static async Task<(HttpStatusCode Status, string? Authorization, string? SetCookie)> AuthAsync(HttpClient proxy, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oauth2/auth");
        request.Headers.Add("Cookie", cookie);
        using var response = await proxy.SendAsync(request, Ct);
        var authorization = response.Headers.TryGetValues("Authorization", out var values) ? values.Single() : null;
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? string.Join("; ", cookies.Where(c => c.StartsWith("_oauth2_proxy", StringComparison.Ordinal) && !c.Contains("=;", StringComparison.Ordinal)).Select(c => c.Split(';')[0]))
            : null;
        return (response.StatusCode, authorization, string.IsNullOrEmpty(setCookie) ? null : setCookie);
    }

    private static async Task<HttpStatusCode> BearerAuthStatusAsync(HttpClient proxy, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oauth2/auth");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await proxy.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
