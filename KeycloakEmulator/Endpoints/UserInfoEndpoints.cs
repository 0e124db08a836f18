using System.Text.Json.Nodes;
using AspireAuth.KeycloakEmulator.Realms;
using AspireAuth.KeycloakEmulator.Sessions;
using AspireAuth.KeycloakEmulator.Tokens;

namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary><c>userinfo</c>, token introspection and revocation.</summary>
internal static class UserInfoEndpoints
{
    public static IEndpointRouteBuilder MapUserInfoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/realms/{realm}/protocol/openid-connect/userinfo", ["GET", "POST"], UserInfoAsync).DisableAntiforgery();
        app.MapMethods("/realms/{realm}/protocol/openid-connect/userinfo", ["OPTIONS"], (string realm, HttpContext http, RealmStore store) =>
            store.Resolve(realm, http.Request) is null ? KeycloakErrors.RealmNotFound() : KeycloakCors.Preflight(http, KeycloakCors.DefaultMethods));
        app.MapPost("/realms/{realm}/protocol/openid-connect/token/introspect", IntrospectAsync).DisableAntiforgery();
        app.MapPost("/realms/{realm}/protocol/openid-connect/revoke", RevokeAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> UserInfoAsync(string realm, HttpContext http, RealmStore store, SessionStore sessions, TimeProvider time)
    {
        if (store.Resolve(realm, http.Request) is not { } context)
        {
            return KeycloakErrors.RealmNotFound();
        }

        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var claims = await TokenValidator.ValidateAsync(context, sessions, token, "Bearer", time.GetUtcNow());
        var user = claims is { } c ? context.Realm.Users.Values.FirstOrDefault(u => u.Id == c.GetProperty("sub").GetString()) : null;
        var client = claims is { } cc && context.Realm.Clients.TryGetValue(cc.GetProperty("azp").GetString()!, out var found) ? found : null;
        if (user is null || client is null)
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm}\", error=\"invalid_token\", error_description=\"Token verification failed\"";
            return KeycloakErrors.Error(401, "invalid_token", "Token verification failed");
        }

        var origins = claims!.Value.TryGetProperty("allowed-origins", out var allowed) && allowed.ValueKind == System.Text.Json.JsonValueKind.Array
            ? allowed.EnumerateArray().Select(o => o.GetString() ?? string.Empty).ToArray()
            : [];
        KeycloakCors.Allow(http, origins, exposeMethods: true);
        var info = new JsonObject { ["sub"] = user.Id };
        var scope = claims!.Value.TryGetProperty("scope", out var s) ? s.GetString() : null;
        new ClaimComposer(context.Realm).Apply(info, TokenKind.UserInfo, user, client, ScopeResolver.Resolve(context.Realm, client, scope));
        return Results.Json(info);
    }

    private static async Task<IResult> IntrospectAsync(string realm, HttpContext http, RealmStore store, SessionStore sessions, TimeProvider time)
    {
        if (store.Resolve(realm, http.Request) is not { } context)
        {
            return KeycloakErrors.RealmNotFound();
        }

        var form = await http.Request.ReadFormAsync();
        var (client, error) = ClientAuthenticator.Authenticate(context.Realm, http.Request, form);
        if (client is null)
        {
            return error!;
        }

        var token = form["token"].ToString();
        var claims = await TokenValidator.ValidateAsync(context, sessions, token, "Bearer", time.GetUtcNow())
            ?? await TokenValidator.ValidateAsync(context, sessions, token, "Refresh", time.GetUtcNow());
        if (claims is not { } valid)
        {
            return Results.Json(new JsonObject { ["active"] = false });
        }

        var result = JsonNode.Parse(valid.GetRawText())!.AsObject();
        var user = context.Realm.Users.Values.FirstOrDefault(u => u.Id == valid.GetProperty("sub").GetString());
        result["client_id"] = valid.GetProperty("azp").GetString();
        if (user is not null)
        {
            result["username"] = user.Username;
        }

        result["token_type"] = valid.GetProperty("typ").GetString();
        result["active"] = true;
        return Results.Json(result);
    }

    private static async Task<IResult> RevokeAsync(string realm, HttpContext http, RealmStore store, SessionStore sessions, TimeProvider time)
    {
        if (store.Resolve(realm, http.Request) is not { } context)
        {
            return KeycloakErrors.RealmNotFound();
        }

        var form = await http.Request.ReadFormAsync();
        var (client, error) = ClientAuthenticator.Authenticate(context.Realm, http.Request, form);
        if (client is null)
        {
            return error!;
        }

        var token = form["token"].ToString();
        if (token.Length == 0)
        {
            return KeycloakErrors.Error(400, "invalid_request", "Token not provided");
        }

        var claims = await TokenValidator.ValidateAsync(context, sessions, token, "Refresh", time.GetUtcNow(), requireSession: false)
            ?? await TokenValidator.ValidateAsync(context, sessions, token, "Bearer", time.GetUtcNow(), requireSession: false);
        if (claims is { } valid && valid.GetProperty("azp").GetString() == client.ClientId)
        {
            sessions.Revoke(valid.GetProperty("jti").GetString()!);
            if (valid.GetProperty("typ").GetString() == "Refresh" && valid.TryGetProperty("sid", out var sid))
            {
                sessions.End(sid.GetString()!);
            }
        }

        return Results.Ok();
    }
}
