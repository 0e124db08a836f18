using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AspireAuth.Browser.Tests;

/// <summary>
/// A person at <c>http://chatqna.localhost:PORT/</c> in Chromium: the gateway's CUSTOM policy sends them through
/// OAuthProxy to the Keycloak emulator's login page; mary comes back and chats, bob gets oauth2-proxy's 403 page,
/// sign-out ends the session (and Keycloak's, through oauth2-proxy's backend logout), and a redis session outlives an
/// OAuthProxy restart. Each step leaves a screenshot under the test output's <c>screenshots/</c> folder.
/// </summary>
public sealed partial class BrowserSignInTests(BrowserEnvironment env) : IClassFixture<BrowserEnvironment>
{
    private const float Timeout = 20_000;

    [Fact]
    public async Task Mary_SignsIn_AndTheChatPageStreamsAnAnswerAddressedToHer()
    {
        var shots = new Screenshots("mary");
        await using var context = await env.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(env.UiUrl + "/");
        await ExpectLoginPageAsync(page);
        await shots.TakeAsync(page, "login-page");

        await SubmitLoginAsync(page, "mary");
        await page.WaitForURLAsync(env.UiUrl + "/", new() { Timeout = Timeout });
        await page.Locator("[data-testid=chat-input]").WaitForAsync(new() { Timeout = Timeout });
        Assert.Equal("Signed in as mary", await page.Locator("[data-testid=signed-in]").InnerTextAsync());
        await shots.TakeAsync(page, "chat-page");

        var answer = await AskAsync(page, "What is ChatQnA?");
        Assert.Contains("Hello mary.", answer, StringComparison.Ordinal);
        await shots.TakeAsync(page, "streamed-answer");
    }

    [Fact]
    public async Task Bob_SignsIn_AndGetsOAuth2ProxysForbiddenPage()
    {
        var shots = new Screenshots("bob");
        await using var context = await env.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(env.UiUrl + "/");
        await ExpectLoginPageAsync(page);
        await shots.TakeAsync(page, "login-page");

        var callback = await page.RunAndWaitForResponseAsync(
            () => SubmitLoginAsync(page, "bob"),
            r => r.Url.StartsWith(env.UiUrl + "/oauth2/callback", StringComparison.Ordinal),
            new() { Timeout = Timeout });
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(403, callback.Status);
        Assert.Contains("You do not have permission to access this resource.", await page.ContentAsync(), StringComparison.Ordinal);
        await shots.TakeAsync(page, "forbidden");

        // Refused means no oauth2-proxy session: a new visit goes through Keycloak again (which still knows bob and
        // signs him straight in) and ends at the same 403, never at the chat.
        var again = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(env.UiUrl + "/"),
            r => r.Url.StartsWith(env.UiUrl + "/oauth2/callback", StringComparison.Ordinal),
            new() { Timeout = Timeout });
        Assert.Equal(403, again.Status);
        Assert.Equal(0, await page.Locator("[data-testid=chat-input]").CountAsync());
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndTheNextVisitAsksToLogInAgain()
    {
        var shots = new Screenshots("sign-out");
        await using var context = await env.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "mary");
        await shots.TakeAsync(page, "signed-in");

        await page.ClickAsync("#sign-out");
        await ExpectLoginPageAsync(page);
        Assert.DoesNotContain(await context.CookiesAsync([env.UiUrl]), c => c.Name == "_oauth2_proxy");
        await shots.TakeAsync(page, "login-again");

        // The old session is gone for good: a request with no cookie of the UI host goes to the login page.
        await page.GotoAsync(env.UiUrl + "/");
        await ExpectLoginPageAsync(page);
    }

    [Fact]
    public async Task RedisSession_SurvivesAnOAuthProxyRestart()
    {
        Assert.NotNull(env.Environment.RedisPort);
        var shots = new Screenshots("restart");
        await using var context = await env.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "mary");
        Assert.Contains("Hello mary.", await AskAsync(page, "first question"), StringComparison.Ordinal);
        await shots.TakeAsync(page, "before-restart");

        await env.Environment.RestartAsync("oauth2-proxy", TestContext.Current.CancellationToken);

        // The new OAuthProxy finds the session in redis: the reload never goes to Keycloak.
        var visited = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => visited.Enqueue(request.Url);
        await page.ReloadAsync();
        Assert.Equal(env.UiUrl + "/", page.Url);
        Assert.DoesNotContain(visited, url => url.StartsWith(env.LoginUrl, StringComparison.Ordinal));
        Assert.Contains("Hello mary.", await AskAsync(page, "second question"), StringComparison.Ordinal);
        await shots.TakeAsync(page, "after-restart");

        // And only there: with redis emptied the same cookie no longer signs in, so the browser goes through Keycloak
        // again (which still knows mary and signs her straight back in).
        Assert.Equal("+OK", Redis(env.Environment.RedisPort.Value, "FLUSHALL").Trim());
        visited.Clear();
        await page.ReloadAsync();
        await page.WaitForURLAsync(env.UiUrl + "/", new() { Timeout = Timeout });
        Assert.Contains(visited, url => url.StartsWith(env.LoginUrl, StringComparison.Ordinal));
    }

    /// <summary>One inline command to redis-server, its raw reply.</summary>
    private static string Redis(int port, string command)
    {
        using var client = new System.Net.Sockets.TcpClient();
        client.Connect(System.Net.IPAddress.Loopback, port);
        using var stream = client.GetStream();
        stream.Write(System.Text.Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[512];
        return System.Text.Encoding.ASCII.GetString(buffer, 0, stream.Read(buffer));
    }

    private async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync(env.UiUrl + "/");
        await ExpectLoginPageAsync(page);
        await SubmitLoginAsync(page, user);
        await page.WaitForURLAsync(env.UiUrl + "/", new() { Timeout = Timeout });
        await page.Locator("[data-testid=chat-input]").WaitForAsync(new() { Timeout = Timeout });
    }

    private async Task ExpectLoginPageAsync(IPage page)
    {
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(env.LoginUrl)), new() { Timeout = Timeout });
        await page.Locator("#kc-form-login #username").WaitForAsync(new() { Timeout = Timeout });
    }

    private static async Task SubmitLoginAsync(IPage page, string user)
    {
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", user);
        await page.ClickAsync("#kc-login");
    }

    /// <summary>Types a question and waits for the stream's <c>[DONE]</c> (the page then adds the timing line).</summary>
    private static async Task<string> AskAsync(IPage page, string question)
    {
        var answers = page.Locator("[data-testid=display-answer]");
        var before = await answers.CountAsync();
        await page.FillAsync("[data-testid=chat-input]", question);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#ask button[type=submit]"),
            r => r.Url.EndsWith("/v1/chatqna", StringComparison.Ordinal),
            new() { Timeout = Timeout });
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/event-stream", response.Headers["content-type"], StringComparison.Ordinal);
        var answer = answers.Nth(before);
        await answer.Locator(".meta").WaitForAsync(new() { Timeout = Timeout });
        return await answer.InnerTextAsync();
    }
}
