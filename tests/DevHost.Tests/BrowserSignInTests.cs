using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AspireAuth.DevHost.Hosting;

namespace AspireAuth.DevHost.Tests;

/// <summary>
/// OPEA's oauth flow through the default scenario, over real HTTP with the steps a browser takes: the gateway's CUSTOM
/// policy sends the UI host to OAuthProxy, which redirects to the Keycloak emulator; after the login the callback goes
/// through the gateway again, the session lives in redis-server, and ChatQnA's sidecar admits mary's ID token.
/// </summary>
public sealed partial class BrowserSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mary_SignsInThroughTheGateway_AndChatQnaAnswersHer_BobIsRefused()
    {
        var ports = ServiceCatalog.Known.ToDictionary(s => s.Name, _ => Ports.GetFree(), StringComparer.Ordinal);
        await using var environment = await DevEnvironment.StartAsync(
            new DevEnvironmentOptions { Ports = ports, ConfigRoot = TestConfig.Default, LogLevel = LogLevel.Warning }, Ct);
        Assert.NotNull(environment.RedisPort);
        var uiHost = $"chatqna.localhost:{ports["gateway"]}";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GatewayAsync(HttpMethod method, string pathAndQuery, string? cookie, string? json = null)
        {
            using var request = new HttpRequestMessage(method, $"http://127.0.0.1:{ports["gateway"]}{pathAndQuery}");
            request.Headers.Host = uiHost;
            request.Headers.Accept.ParseAdd("text/html");
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            var response = await http.SendAsync(request, Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response);
        }

        async Task<(HttpStatusCode Status, string Body, string? Session)> SignInAsync(string user)
        {
            var (status, _, start) = await GatewayAsync(HttpMethod.Get, "/", null);
            Assert.Equal(HttpStatusCode.Found, status);
            var login = start.Headers.Location!;
            Assert.StartsWith($"http://localhost:{ports["keycloak"]}/realms/istio/protocol/openid-connect/auth?", login.ToString(), StringComparison.Ordinal);
            var csrf = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("_oauth2_proxy_csrf=", StringComparison.Ordinal)).Split(';')[0];
            var page = await http.GetStringAsync(login, Ct);
            var action = WebUtility.HtmlDecode(ActionPattern().Match(page).Groups[1].Value);
            using var form = new FormUrlEncodedContent([new("username", user), new("password", user)]);
            using var loggedIn = await http.PostAsync(action, form, Ct);
            var callback = loggedIn.Headers.Location!;
            Assert.Equal(uiHost, callback.Authority);
            var (callbackStatus, body, response) = await GatewayAsync(HttpMethod.Get, callback.PathAndQuery, csrf);
            var session = response.Headers.TryGetValues("Set-Cookie", out var cookies)
                ? cookies.Where(c => c.StartsWith("_oauth2_proxy=", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).FirstOrDefault()
                : null;
            return (callbackStatus, body, session);
        }

        var (maryStatus, _, marySession) = await SignInAsync("mary");
        Assert.Equal(HttpStatusCode.Found, maryStatus);
        Assert.NotNull(marySession);
        var (chatStatus, chat, chatResponse) = await GatewayAsync(HttpMethod.Post, "/v1/chatqna", marySession, """{"messages": "hello", "stream": false}""");
        Assert.Equal(HttpStatusCode.OK, chatStatus);
        Assert.Contains("Hello mary.", chat, StringComparison.Ordinal);
        Assert.Contains(chatResponse.Headers.GetValues("x-mesh-explain"), e => e.Contains("allowed by ALLOW policy chatqa/router", StringComparison.Ordinal));

        var (bobStatus, bobBody, bobSession) = await SignInAsync("bob");
        Assert.Equal(HttpStatusCode.Forbidden, bobStatus);
        Assert.Contains("You do not have permission to access this resource.", bobBody, StringComparison.Ordinal);
        Assert.Null(bobSession);
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();
}
