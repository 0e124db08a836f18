using System.Net;
using System.Text.Json;

namespace AspireAuth.KeycloakEmulator.Tests;

/// <summary>
/// Keycloak's CORS for browser apps: preflights are answered for any origin; token and userinfo answers carry the
/// headers only for the client's web origins (<c>+</c>: the origins of its redirect URIs); discovery and keys for any.
/// </summary>
public sealed class CorsTests
{
    private const string Spa = "http://localhost:8080";
    private const string Stranger = "http://evil.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preflight_IsAnsweredForAnyOrigin_WithKeycloaksHeaders()
    {
        await using var kc = await KeycloakServer.StartAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/realms/istio/protocol/openid-connect/token");
        preflight.Headers.Add("Origin", Stranger);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await kc.Client.SendAsync(preflight, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Stranger, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("POST, OPTIONS", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("Origin, Accept, X-Requested-With, Content-Type, Access-Control-Request-Method, Access-Control-Request-Headers, DPoP, Authorization",
            Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("3600", Header(response, "Access-Control-Max-Age"));
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TokenAndUserInfo_AllowOnlyTheClientsWebOrigins()
    {
        await using var kc = await KeycloakServer.StartAsync();
        var (allowed, body) = await TokenFromAsync(kc, Spa);
        Assert.Equal(Spa, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(allowed, "Access-Control-Allow-Credentials"));
        Assert.Equal("Access-Control-Allow-Methods", Header(allowed, "Access-Control-Expose-Headers"));
        var token = body.GetProperty("access_token").GetString()!;
        Assert.Contains(Spa, KeycloakServer.Claims(token).GetProperty("allowed-origins").EnumerateArray().Select(o => o.GetString()));

        var (refused, _) = await TokenFromAsync(kc, Stranger);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
        var (noOrigin, _) = await TokenFromAsync(kc, null);
        Assert.Null(Header(noOrigin, "Access-Control-Allow-Origin"));

        foreach (var (origin, expected) in new[] { (Spa, Spa), (Stranger, null) })
        {
            using var userinfo = new HttpRequestMessage(HttpMethod.Get, "/realms/istio/protocol/openid-connect/userinfo");
            userinfo.Headers.Authorization = new("Bearer", token);
            userinfo.Headers.Add("Origin", origin);
            using var response = await kc.Client.SendAsync(userinfo, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, Header(response, "Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task DiscoveryAndKeys_AreReadableFromAnyOrigin()
    {
        await using var kc = await KeycloakServer.StartAsync();
        foreach (var path in new[] { "/realms/istio/.well-known/openid-configuration", "/realms/istio/protocol/openid-connect/certs" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Origin", Stranger);
            using var response = await kc.Client.SendAsync(request, Ct);
            Assert.Equal(Stranger, Header(response, "Access-Control-Allow-Origin"));
            Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        }
    }

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> TokenFromAsync(KeycloakServer kc, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/realms/istio/protocol/openid-connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "password"), new("client_id", "istio"), new("username", "mary"), new("password", "mary")]),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await kc.Client.SendAsync(request, Ct);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
