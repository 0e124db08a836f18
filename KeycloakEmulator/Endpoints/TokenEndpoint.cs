using System.Security.Cryptography;
using System.Text;
using AspireAuth.KeycloakEmulator.Realms;
using AspireAuth.KeycloakEmulator.Sessions;
using AspireAuth.KeycloakEmulator.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary><c>/token</c>: the password, client_credentials, authorization_code (PKCE) and refresh_token grants.</summary>
internal static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/realms/{realm}/protocol/openid-connect/token", HandleAsync).DisableAntiforgery();
        app.MapMethods("/realms/{realm}/protocol/openid-connect/token", ["OPTIONS"], (string realm, HttpContext http, RealmStore store) =>
            store.Resolve(realm, http.Request) is null ? KeycloakErrors.RealmNotFound() : KeycloakCors.Preflight(http, KeycloakCors.TokenMethods));
        return app;
    }

    private static async Task<IResult> HandleAsync(string realm, HttpRequest request, RealmStore store, SessionStore sessions, TokenFactory tokens, TimeProvider time)
    {
        if (store.Resolve(realm, request) is not { } context)
        {
            return KeycloakErrors.RealmNotFound();
        }

        if (!request.HasFormContentType)
        {
            return KeycloakErrors.Error(400, "invalid_request", "Missing form parameter: grant_type");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return KeycloakErrors.Error(400, "invalid_request", "Missing form parameter: grant_type");
        }

        if (grantType is not ("password" or "client_credentials" or "authorization_code" or "refresh_token"))
        {
            return KeycloakErrors.Error(400, "unsupported_grant_type", "Unsupported grant_type");
        }

        var (client, error) = ClientAuthenticator.Authenticate(context.Realm, request, form);
        if (client is null)
        {
            return error!;
        }

        // From here on, success or error, a browser origin among the client's web origins may read the answer.
        KeycloakCors.Allow(request.HttpContext, ClaimComposer.AllowedOrigins(client), exposeMethods: true);
        return grantType switch
        {
            "password" => Password(context, client, form, sessions, tokens, time),
            "client_credentials" => ClientCredentials(context, client, form, tokens),
            "authorization_code" => AuthorizationCode(context, client, form, sessions, tokens),
            _ => await RefreshAsync(context, client, form, sessions, tokens, time),
        };
    }

    private static IResult Password(RealmContext context, ClientModel client, IFormCollection form, SessionStore sessions, TokenFactory tokens, TimeProvider time)
    {
        if (!client.DirectAccessGrantsEnabled)
        {
            return KeycloakErrors.Error(400, "unauthorized_client", "Client not allowed for direct access grants");
        }

        var username = form["username"].ToString();
        if (!context.Realm.Users.TryGetValue(username, out var user) || user.ServiceAccountClientId is not null
            || !user.Credentials.Any(c => PasswordHasher.Verify(c, form["password"].ToString())))
        {
            return KeycloakErrors.Error(401, "invalid_grant", "Invalid user credentials");
        }

        if (!user.Enabled)
        {
            return KeycloakErrors.Error(400, "invalid_grant", "Account disabled");
        }

        var scope = form["scope"].ToString();
        var session = sessions.Start(context.Realm.Name, user.Id, user.Username);
        var issued = tokens.Issue(context, user, client, ScopeResolver.Resolve(context.Realm, client, scope),
            ScopeResolver.RequestsOpenId(scope), session, null, withRefresh: true, authTime: time.GetUtcNow());
        return Results.Json(issued.ToResponse());
    }

    private static IResult ClientCredentials(RealmContext context, ClientModel client, IFormCollection form, TokenFactory tokens)
    {
        if (client.PublicClient)
        {
            return KeycloakErrors.Error(401, "unauthorized_client", "Public client not allowed to retrieve service account");
        }

        var user = context.Realm.Users.Values.FirstOrDefault(u => u.ServiceAccountClientId == client.ClientId);
        if (!client.ServiceAccountsEnabled || user is null)
        {
            return KeycloakErrors.Error(401, "unauthorized_client", "Client not enabled to retrieve service account");
        }

        var scope = form["scope"].ToString();
        var issued = tokens.Issue(context, user, client, ScopeResolver.Resolve(context.Realm, client, scope),
            ScopeResolver.RequestsOpenId(scope), null, null, withRefresh: false, authTime: null);
        return Results.Json(issued.ToResponse());
    }

    private static IResult AuthorizationCode(RealmContext context, ClientModel client, IFormCollection form, SessionStore sessions, TokenFactory tokens)
    {
        var codeValue = form["code"].ToString();
        if (codeValue.Length == 0)
        {
            return KeycloakErrors.Error(400, "invalid_request", "Missing parameter: code");
        }

        var code = sessions.Redeem(codeValue);
        if (code is null || code.Realm != context.Realm.Name || code.ClientId != client.ClientId)
        {
            return KeycloakErrors.Error(400, "invalid_grant", "Code not valid");
        }

        if (form["redirect_uri"].ToString() != code.RedirectUri)
        {
            return KeycloakErrors.Error(400, "invalid_grant", "Incorrect redirect_uri");
        }

        if (code.CodeChallenge is not null)
        {
            var verifier = form["code_verifier"].ToString();
            if (verifier.Length == 0)
            {
                return KeycloakErrors.Error(400, "invalid_grant", "PKCE code verifier not specified");
            }

            var computed = code.CodeChallengeMethod == "S256"
                ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
                : verifier;
            if (computed != code.CodeChallenge)
            {
                return KeycloakErrors.Error(400, "invalid_grant", "PKCE verification failed: Code mismatch");
            }
        }

        var session = sessions.Find(code.SessionId);
        var user = session is null ? null : context.Realm.Users.Values.FirstOrDefault(u => u.Id == session.UserId);
        if (session is null || user is null)
        {
            return KeycloakErrors.Error(400, "invalid_grant", "Session not active");
        }

        var issued = tokens.Issue(context, user, client, ScopeResolver.Resolve(context.Realm, client, code.Scope),
            ScopeResolver.RequestsOpenId(code.Scope), session, code.Nonce, withRefresh: true, authTime: session.Started);
        return Results.Json(issued.ToResponse());
    }

    private static async Task<IResult> RefreshAsync(RealmContext context, ClientModel client, IFormCollection form, SessionStore sessions, TokenFactory tokens, TimeProvider time)
    {
        var refresh = await TokenValidator.ValidateAsync(context, sessions, form["refresh_token"].ToString(), "Refresh", time.GetUtcNow(), requireSession: false);
        if (refresh is not { } claims || claims.GetProperty("azp").GetString() != client.ClientId)
        {
            return KeycloakErrors.Error(400, "invalid_grant", "Invalid refresh token");
        }

        var session = sessions.Find(claims.GetProperty("sid").GetString());
        var user = session is null ? null : context.Realm.Users.Values.FirstOrDefault(u => u.Id == session.UserId);
        if (session is null || user is null)
        {
            return KeycloakErrors.Error(400, "invalid_grant", "Session not active");
        }

        session.LastUsed = time.GetUtcNow();
        var scope = claims.GetProperty("scope").GetString() ?? string.Empty;
        var issued = tokens.Issue(context, user, client, ScopeResolver.Resolve(context.Realm, client, scope),
            ScopeResolver.RequestsOpenId(scope), session, null, withRefresh: true, authTime: session.Started);
        return Results.Json(issued.ToResponse());
    }
}
