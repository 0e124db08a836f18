using System.Net;
using AspireAuth.OAuthProxy.Options;

namespace AspireAuth.OAuthProxy.Tests;

/// <summary><c>skip_auth_routes</c>, <c>skip_auth_regex</c> and <c>api_routes</c> as oauth2-proxy parses and applies them.</summary>
public sealed partial class LoginFlowTests
{
    [Theory]
    [InlineData("GET=^/public", "GET", "/public/x", true)]
    [InlineData("GET=^/public", "POST", "/public/x", false)]
    [InlineData("get=^/public", "GET", "/public/x", true)]
    [InlineData("^/health$", "DELETE", "/health", true)]
    [InlineData("^/health$", "GET", "/health/x", false)]
    [InlineData("!=^/private", "GET", "/anything", true)]
    [InlineData("!=^/private", "GET", "/private/x", false)]
    [InlineData("POST!=^/private", "GET", "/anything", false)]
    [InlineData("POST!=^/private", "POST", "/anything", true)]
    public void SkipAuthRoute_MatchesMethodAndPath(string spec, string method, string path, bool allowed)
    {
        var route = AllowedRoute.ParseRoute(spec, out var error);
        Assert.Null(error);
        Assert.Equal(allowed, route!.Allows(method, path));
    }

    [Fact]
    public void SkipAuthRoute_WithABadRegex_IsNamed()
    {
        Assert.Null(AllowedRoute.ParseRoute("GET=^/(", out var error));
        Assert.StartsWith("error compiling regex /^/(/:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipAuthRoutes_AreServedWithoutASession_AndApiRoutesGet401Json()
    {
        await using var proxy = await StartProxyAsync(new(s_cookieStore)
        {
            ["OAUTH2_PROXY_SKIP_AUTH_ROUTES"] = "GET=^/public,^/v1/health_check$",
            ["OAUTH2_PROXY_API_ROUTES"] = "^/v1/",
        });

        using var open = await proxy.Client.GetAsync("/public/page", Ct);
        Assert.Equal((HttpStatusCode.OK, "Authenticated"), (open.StatusCode, await open.Content.ReadAsStringAsync(Ct)));
        Assert.False(open.Headers.Contains("X-Auth-Request-User"));
        Assert.Equal(HttpStatusCode.OK, (await proxy.Client.GetAsync("/v1/health_check", Ct)).StatusCode);

        using var post = await proxy.Client.PostAsync("/public/page", new StringContent(string.Empty), Ct);
        Assert.Equal(HttpStatusCode.Found, post.StatusCode);

        using var api = new HttpRequestMessage(HttpMethod.Get, "/v1/chatqna");
        api.Headers.Accept.ParseAdd("text/html");
        using var apiResponse = await proxy.Client.SendAsync(api, Ct);
        Assert.Equal((HttpStatusCode.Unauthorized, "{}"), (apiResponse.StatusCode, await apiResponse.Content.ReadAsStringAsync(Ct)));

        // nginx-style auth_request: the original URI arrives in X-Forwarded-Uri (reverse_proxy = true in the OPEA config).
        using var auth = new HttpRequestMessage(HttpMethod.Get, "/oauth2/auth");
        auth.Headers.Add("X-Forwarded-Uri", "/public/page?x=1");
        Assert.Equal(HttpStatusCode.Accepted, (await proxy.Client.SendAsync(auth, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxy.Client.GetAsync("/oauth2/auth", Ct)).StatusCode);

        // A session on an allowed route still passes its identity on.
        var (cookie, _) = await LoginAsync(proxy.Client, "mary", "/");
        using var withSession = new HttpRequestMessage(HttpMethod.Get, "/public/page");
        withSession.Headers.Add("Cookie", cookie);
        using var identified = await proxy.Client.SendAsync(withSession, Ct);
        Assert.Equal("mary", identified.Headers.GetValues("X-Auth-Request-Preferred-Username").Single());
    }
}
