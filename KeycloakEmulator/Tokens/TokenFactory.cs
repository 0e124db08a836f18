using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AspireAuth.KeycloakEmulator.Realms;
using AspireAuth.KeycloakEmulator.Sessions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.KeycloakEmulator.Tokens;

/// <summary>The tokens of one grant, and the token endpoint's JSON for them.</summary>
public sealed record IssuedTokens(string AccessToken, string? IdToken, string? RefreshToken, int ExpiresIn, int RefreshExpiresIn, string Scope, string? SessionId)
{
    public JsonObject ToResponse()
    {
        var response = new JsonObject
        {
            ["access_token"] = AccessToken,
            ["expires_in"] = ExpiresIn,
            ["refresh_expires_in"] = RefreshExpiresIn,
        };
        if (RefreshToken is not null)
        {
            response["refresh_token"] = RefreshToken;
        }

        response["token_type"] = "Bearer";
        if (IdToken is not null)
        {
            response["id_token"] = IdToken;
        }

        response["not-before-policy"] = 0;
        if (SessionId is not null)
        {
            response["session_state"] = SessionId;
        }

        response["scope"] = Scope;
        return response;
    }
}

/// <summary>Issues Keycloak 26-shaped access, ID and refresh tokens, signed RS256 with the realm key.</summary>
public sealed class TokenFactory(TimeProvider time)
{
    public IssuedTokens Issue(RealmContext context, UserModel user, ClientModel client, IReadOnlyList<ClientScopeModel> scopes, bool openid,
        UserSession? session, string? nonce, bool withRefresh, DateTimeOffset? authTime)
    {
        ArgumentNullException.ThrowIfNull(context);
        var realm = context.Realm;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var scope = string.Join(' ', (openid ? ["openid"] : Array.Empty<string>()).Concat(scopes.Where(s => s.IncludeInTokenScope).Select(s => s.Name)));
        var composer = new ClaimComposer(realm);

        var access = Base(context, now, realm.AccessTokenLifespan);
        access["sub"] = user.Id;
        access["typ"] = "Bearer";
        access["azp"] = client.ClientId;
        if (session is not null)
        {
            access["sid"] = session.Id;
        }

        access["scope"] = scope;
        composer.Apply(access, TokenKind.Access, user, client, scopes);
        if (authTime is { } at && access.ContainsKey("sub"))
        {
            access["auth_time"] = at.ToUnixTimeSeconds();
        }

        var accessToken = Sign(access, context.Key.Credentials);
        string? idToken = null;
        if (openid)
        {
            var id = Base(context, now, realm.AccessTokenLifespan);
            id["aud"] = client.ClientId;
            id["sub"] = user.Id;
            id["typ"] = "ID";
            id["azp"] = client.ClientId;
            if (nonce is not null)
            {
                id["nonce"] = nonce;
            }

            if (session is not null)
            {
                id["sid"] = session.Id;
            }

            id["at_hash"] = AtHash(accessToken);
            composer.Apply(id, TokenKind.Id, user, client, scopes);
            if (authTime is { } idAuth)
            {
                id["auth_time"] = idAuth.ToUnixTimeSeconds();
            }

            idToken = Sign(id, context.Key.Credentials);
        }

        string? refreshToken = null;
        var refreshExpires = 0;
        if (withRefresh && session is not null)
        {
            refreshExpires = realm.SsoSessionIdleTimeout;
            var refresh = Base(context, now, refreshExpires);
            refresh["aud"] = context.Issuer;
            refresh["sub"] = user.Id;
            refresh["typ"] = "Refresh";
            refresh["azp"] = client.ClientId;
            refresh["sid"] = session.Id;
            refresh["scope"] = scope;
            refreshToken = Sign(refresh, context.Key.RefreshCredentials);
        }

        return new IssuedTokens(accessToken, idToken, refreshToken, realm.AccessTokenLifespan, refreshExpires, scope, session?.Id);
    }

    private static JsonObject Base(RealmContext context, long now, int lifetime) => new()
    {
        ["exp"] = now + lifetime,
        ["iat"] = now,
        ["jti"] = Guid.NewGuid().ToString(),
        ["iss"] = context.Issuer,
    };

    /// <summary>Access and ID tokens RS256 with the published key; refresh tokens HS512 with the realm secret, as Keycloak 26.</summary>
    private static string Sign(JsonObject claims, SigningCredentials credentials) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            claims.ToJsonString(),
            credentials,
            new Dictionary<string, object> { ["typ"] = "JWT" });

    /// <summary>OIDC <c>at_hash</c>: left half of the SHA-256 of the access token, base64url.</summary>
    private static string AtHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(hash.AsSpan(0, hash.Length / 2).ToArray());
    }
}
