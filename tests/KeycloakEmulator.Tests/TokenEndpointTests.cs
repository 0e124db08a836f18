using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.KeycloakEmulator.Tests;

public sealed class TokenEndpointTests
{
    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Discovery_AndTokensVerifyAgainstThePublishedJwks()
    {
        await using var kc = await KeycloakServer.StartAsync();
        using var discovery = JsonDocument.Parse(await kc.Client.GetStringAsync("/realms/istio/.well-known/openid-configuration", TestContext.Current.CancellationToken));
        var d = discovery.RootElement;
        var issuer = kc.Issuer();
        Assert.Equal(issuer, d.GetProperty("issuer").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/token", d.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/auth", d.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/certs", d.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/userinfo", d.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/logout", d.GetProperty("end_session_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/token/introspect", d.GetProperty("introspection_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/revoke", d.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(["plain", "S256"], Strings(d.GetProperty("code_challenge_methods_supported")));
        Assert.Contains("groups", Strings(d.GetProperty("scopes_supported")));

        var jwks = new JsonWebKeySet(await kc.Client.GetStringAsync("/realms/istio/protocol/openid-connect/certs", TestContext.Current.CancellationToken));
        var key = Assert.Single(jwks.Keys);
        Assert.Equal("RS256", key.Alg);
        var (_, body) = await kc.PasswordAsync("mary", "mary");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(body.GetProperty("access_token").GetString(), new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.Keys,
            ValidIssuer = issuer,
            ValidAudience = "account",
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(key.Kid, ((JsonWebToken)result.SecurityToken).Kid);
    }

    [Fact]
    public async Task PasswordGrant_MaryGetsKeycloakShapedTokens()
    {
        await using var kc = await KeycloakServer.StartAsync();
        var (status, body) = await kc.PasswordAsync("mary", "mary");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(300, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(1800, body.GetProperty("refresh_expires_in").GetInt32());
        Assert.Equal("openid email profile", body.GetProperty("scope").GetString());

        var access = KeycloakServer.Claims(body.GetProperty("access_token").GetString()!);
        Assert.Equal(kc.Issuer(), access.GetProperty("iss").GetString());
        Assert.Equal("Bearer", access.GetProperty("typ").GetString());
        Assert.Equal("istio", access.GetProperty("azp").GetString());
        Assert.Equal("mary", access.GetProperty("preferred_username").GetString());
        Assert.Equal("mary@example.com", access.GetProperty("email").GetString());
        Assert.True(access.GetProperty("email_verified").GetBoolean());
        Assert.Equal("Mary Jones", access.GetProperty("name").GetString());
        Assert.Equal(body.GetProperty("session_state").GetString(), access.GetProperty("sid").GetString());
        Assert.Equal(new[] { "user", "default-roles-istio", "offline_access", "uma_authorization" }.Order(), Strings(access.GetProperty("realm_access").GetProperty("roles")).Order());
        Assert.Equal(["user"], Strings(access.GetProperty("resource_access").GetProperty("chatqna").GetProperty("roles")));
        Assert.Equal(["manage-account", "manage-account-links", "view-profile"], Strings(access.GetProperty("resource_access").GetProperty("account").GetProperty("roles")).Order());
        Assert.Equal(["account", "chatqna"], Strings(access.GetProperty("aud")).Order());
        Assert.False(access.TryGetProperty("groups", out _), "groups only come from a group-membership mapper");
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", access.GetProperty("sub").GetString());

        var again = KeycloakServer.Claims((await kc.PasswordAsync("mary", "mary")).Body.GetProperty("access_token").GetString()!);
        Assert.Equal(access.GetProperty("sub").GetString(), again.GetProperty("sub").GetString());

        var id = KeycloakServer.Claims(body.GetProperty("id_token").GetString()!);
        Assert.Equal("ID", id.GetProperty("typ").GetString());
        Assert.Equal("istio", id.GetProperty("aud").GetString());
        Assert.True(id.TryGetProperty("at_hash", out _));
        var refresh = body.GetProperty("refresh_token").GetString()!;
        Assert.Equal("Refresh", KeycloakServer.Claims(refresh).GetProperty("typ").GetString());
        var refreshHeader = JsonDocument.Parse(Base64UrlEncoder.Decode(refresh.Split('.')[0])).RootElement;
        Assert.Equal("HS512", refreshHeader.GetProperty("alg").GetString());
        var accessHeader = JsonDocument.Parse(Base64UrlEncoder.Decode(body.GetProperty("access_token").GetString()!.Split('.')[0])).RootElement;
        Assert.Equal("RS256", accessHeader.GetProperty("alg").GetString());
        Assert.NotEqual(accessHeader.GetProperty("kid").GetString(), refreshHeader.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task GroupsScope_WithTheConfidentialClient_AddsFullGroupPaths_AndTheAudienceMapper()
    {
        await using var kc = await KeycloakServer.StartAsync();
        var (status, body) = await kc.PasswordAsync("bob", "bob", client: "chatqna", scope: "openid groups", secret: "chatqna-local-secret");
        Assert.Equal(HttpStatusCode.OK, status);
        var access = KeycloakServer.Claims(body.GetProperty("access_token").GetString()!);
        Assert.Equal(["/viewer"], Strings(access.GetProperty("groups")));
        Assert.Equal(new[] { "viewer", "default-roles-istio", "offline_access", "uma_authorization" }.Order(), Strings(access.GetProperty("realm_access").GetProperty("roles")).Order());
        Assert.Contains("chatqna", Strings(access.GetProperty("aud")));
        Assert.Equal("openid email profile groups", access.GetProperty("scope").GetString());
        var id = KeycloakServer.Claims(body.GetProperty("id_token").GetString()!);
        Assert.Equal(["/viewer"], Strings(id.GetProperty("groups")));
    }

    [Theory]
    [InlineData("istio", "mary", "wrong", null, 401, "invalid_grant", "Invalid user credentials")]
    [InlineData("istio", "nobody", "x", null, 401, "invalid_grant", "Invalid user credentials")]
    [InlineData("unknown", "mary", "mary", null, 401, "invalid_client", "Invalid client or Invalid client credentials")]
    [InlineData("chatqna", "mary", "mary", null, 401, "invalid_client", "Invalid client or Invalid client credentials")]
    [InlineData("chatqna", "mary", "mary", "wrong-secret", 401, "invalid_client", "Invalid client or Invalid client credentials")]
    [InlineData("account-console", "mary", "mary", null, 400, "unauthorized_client", "Client not allowed for direct access grants")]
    public async Task PasswordGrant_Errors_AreKeycloaks(string client, string user, string password, string? secret, int status, string error, string description)
    {
        await using var kc = await KeycloakServer.StartAsync();
        var (code, body) = await kc.PasswordAsync(user, password, client: client, secret: secret);
        Assert.Equal(status, (int)code);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task RequestErrors_AreKeycloaks()
    {
        await using var kc = await KeycloakServer.StartAsync();
        var missing = await kc.TokenAsync("istio", ("client_id", "istio"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("Missing form parameter: grant_type", missing.Body.GetProperty("error_description").GetString());
        var unsupported = await kc.TokenAsync("istio", ("grant_type", "magic"), ("client_id", "istio"));
        Assert.Equal("unsupported_grant_type", unsupported.Body.GetProperty("error").GetString());
        var realm = await kc.TokenAsync("nope", ("grant_type", "password"));
        Assert.Equal(HttpStatusCode.NotFound, realm.Status);
        Assert.Equal("Realm does not exist", realm.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ClientCredentials_ForAServiceAccountClient_AndRefusedForPublicClients()
    {
        var realm = KeycloakServer.WriteRealm("""
            {"realm": "svc", "clients": [
              {"clientId": "worker", "secret": "s3cret", "serviceAccountsEnabled": true, "standardFlowEnabled": false},
              {"clientId": "spa", "publicClient": true}]}
            """);
        await using var kc = await KeycloakServer.StartAsync(realm);
        var (status, body) = await kc.TokenAsync("svc", ("grant_type", "client_credentials"), ("client_id", "worker"), ("client_secret", "s3cret"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("refresh_token", out _));
        var access = KeycloakServer.Claims(body.GetProperty("access_token").GetString()!);
        Assert.Equal("service-account-worker", access.GetProperty("preferred_username").GetString());
        Assert.Equal("worker", access.GetProperty("azp").GetString());

        var refused = await kc.TokenAsync("svc", ("grant_type", "client_credentials"), ("client_id", "spa"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("unauthorized_client", refused.Body.GetProperty("error").GetString());
    }
}
