using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.KeycloakEmulator.Tests;

/// <summary>The authorization-code flow driven with a real HttpClient: auth, login form, redirect, token exchange.</summary>
public sealed partial class BrowserFlowTests
{
    private const string Redirect = "http://chatqna.localhost:8080/oauth2/callback";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CodeFlow_WithPkceS256AndNonce_IssuesTokens_CodeIsSingleUse()
    {
        await using var kc = await KeycloakServer.StartAsync();
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var (code, cookie) = await LoginAsync(kc, "mary", "mary", $"&code_challenge={challenge}&code_challenge_method=S256&nonce=n-123&scope=openid%20groups");

        var (status, body) = await ExchangeAsync(kc, code, verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        var id = KeycloakServer.Claims(body.GetProperty("id_token").GetString()!);
        Assert.Equal("n-123", id.GetProperty("nonce").GetString());
        Assert.Equal("chatqna", id.GetProperty("aud").GetString());
        Assert.Equal(["/user"], KeycloakServer.Claims(body.GetProperty("access_token").GetString()!).GetProperty("groups").EnumerateArray().Select(g => g.GetString()!));

        var reused = await ExchangeAsync(kc, code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal("Code not valid", reused.Body.GetProperty("error_description").GetString());

        // SSO: with the session cookie the next authorization skips the form.
        using var again = new HttpRequestMessage(HttpMethod.Get, AuthUrl(string.Empty));
        again.Headers.Add("Cookie", cookie);
        using var sso = await kc.Client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.Redirect, sso.StatusCode);
        Assert.StartsWith(Redirect + "?state=st-1&session_state=", sso.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S256", "wrong-verifier", "PKCE verification failed: Code mismatch")]
    [InlineData("S256", "", "PKCE code verifier not specified")]
    [InlineData("plain", "wrong", "PKCE verification failed: Code mismatch")]
    public async Task CodeFlow_PkceFailures(string method, string verifier, string description)
    {
        await using var kc = await KeycloakServer.StartAsync();
        var challenge = method == "plain" ? "the-plain-verifier-value-of-43-characters-xx" : Base64UrlEncoder.Encode(SHA256.HashData("right"u8.ToArray()));
        var (code, _) = await LoginAsync(kc, "mary", "mary", $"&code_challenge={challenge}&code_challenge_method={method}");
        var (status, body) = await ExchangeAsync(kc, code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Authorization_RejectsUnregisteredRedirect_UnknownClient_AndWrongPassword()
    {
        await using var kc = await KeycloakServer.StartAsync();
        using var badRedirect = await kc.Client.GetAsync("/realms/istio/protocol/openid-connect/auth?client_id=chatqna&response_type=code&redirect_uri=http%3A%2F%2Fevil.example%2Fcb", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badRedirect.StatusCode);
        Assert.Contains("Invalid parameter: redirect_uri", await badRedirect.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var unknown = await kc.Client.GetAsync("/realms/istio/protocol/openid-connect/auth?client_id=nope&response_type=code&redirect_uri=x", Ct);
        Assert.Contains("Client not found.", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var page = await kc.Client.GetStringAsync(AuthUrl(string.Empty), Ct);
        using var wrong = await kc.Client.PostAsync(FormAction(page), new FormUrlEncodedContent([new("username", "mary"), new("password", "nope")]), Ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Invalid username or password.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_Userinfo_Introspect_Logout()
    {
        await using var kc = await KeycloakServer.StartAsync();
        var (code, _) = await LoginAsync(kc, "bob", "bob", string.Empty);
        var (_, tokens) = await ExchangeAsync(kc, code, null);

        var refreshed = await kc.TokenAsync("istio", ("grant_type", "refresh_token"), ("client_id", "chatqna"), ("client_secret", "chatqna-local-secret"),
            ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var access = refreshed.Body.GetProperty("access_token").GetString()!;
        Assert.Equal("bob", KeycloakServer.Claims(access).GetProperty("preferred_username").GetString());

        using var userinfoRequest = new HttpRequestMessage(HttpMethod.Get, "/realms/istio/protocol/openid-connect/userinfo");
        userinfoRequest.Headers.Authorization = new("Bearer", access);
        using var userinfo = await kc.Client.SendAsync(userinfoRequest, Ct);
        using var info = JsonDocument.Parse(await userinfo.Content.ReadAsStringAsync(Ct));
        Assert.Equal("bob", info.RootElement.GetProperty("preferred_username").GetString());
        Assert.Equal("bob@example.com", info.RootElement.GetProperty("email").GetString());

        using var introspect = await kc.Client.PostAsync("/realms/istio/protocol/openid-connect/token/introspect", new FormUrlEncodedContent(
            [new("client_id", "chatqna"), new("client_secret", "chatqna-local-secret"), new("token", access)]), Ct);
        using var active = JsonDocument.Parse(await introspect.Content.ReadAsStringAsync(Ct));
        Assert.True(active.RootElement.GetProperty("active").GetBoolean());
        Assert.Equal("bob", active.RootElement.GetProperty("username").GetString());

        using var logout = await kc.Client.GetAsync(
            $"/realms/istio/protocol/openid-connect/logout?id_token_hint={tokens.GetProperty("id_token").GetString()}&post_logout_redirect_uri={Uri.EscapeDataString("http://chatqna.localhost:8080/")}&state=bye", Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("http://chatqna.localhost:8080/?state=bye", logout.Headers.Location!.ToString());

        var afterLogout = await kc.TokenAsync("istio", ("grant_type", "refresh_token"), ("client_id", "chatqna"), ("client_secret", "chatqna-local-secret"),
            ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, afterLogout.Status);
        Assert.Equal("Session not active", afterLogout.Body.GetProperty("error_description").GetString());

        using var inactive = await kc.Client.PostAsync("/realms/istio/protocol/openid-connect/token/introspect", new FormUrlEncodedContent(
            [new("client_id", "chatqna"), new("client_secret", "chatqna-local-secret"), new("token", access)]), Ct);
        Assert.Equal("""{"active":false}""", await inactive.Content.ReadAsStringAsync(Ct));

        using var userinfoAfter = new HttpRequestMessage(HttpMethod.Get, "/realms/istio/protocol/openid-connect/userinfo");
        userinfoAfter.Headers.Authorization = new("Bearer", access);
        using var rejected = await kc.Client.SendAsync(userinfoAfter, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Contains("error=\"invalid_token\"", rejected.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static string AuthUrl(string extra) =>
        $"/realms/istio/protocol/openid-connect/auth?client_id=chatqna&response_type=code&state=st-1&redirect_uri={Uri.EscapeDataString(Redirect)}{extra}";

    private static string FormAction(string page) => System.Net.WebUtility.HtmlDecode(ActionPattern().Match(page).Groups[1].Value);

    private static async Task<(string Code, string Cookie)> LoginAsync(KeycloakServer kc, string user, string password, string extra)
    {
        var page = await kc.Client.GetStringAsync(AuthUrl(extra), Ct);
        Assert.Contains("id=\"kc-form-login\"", page, StringComparison.Ordinal);
        using var response = await kc.Client.PostAsync(FormAction(page), new FormUrlEncodedContent([new("username", user), new("password", password)]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect, location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("st-1", query["state"].ToString());
        Assert.Equal(kc.Issuer(), query["iss"].ToString());
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (query["code"].ToString(), cookie);
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(KeycloakServer kc, string code, string? verifier)
    {
        var form = new List<(string, string)> { ("grant_type", "authorization_code"), ("client_id", "chatqna"), ("client_secret", "chatqna-local-secret"), ("code", code), ("redirect_uri", Redirect) };
        if (verifier is { Length: > 0 })
        {
            form.Add(("code_verifier", verifier));
        }

        return kc.TokenAsync("istio", [.. form]);
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();
}
