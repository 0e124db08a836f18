using AspireAuth.KeycloakEmulator.Realms;
using AspireAuth.KeycloakEmulator.Sessions;
using AspireAuth.KeycloakEmulator.Tokens;
using Microsoft.AspNetCore.WebUtilities;

namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary>The browser side: <c>/auth</c> with the login form, the form post, and RP-initiated logout.</summary>
internal static class AuthorizationEndpoints
{
    private const string IdentityCookie = "KEYCLOAK_IDENTITY";
    private const string SessionCookie = "KEYCLOAK_SESSION";

    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/realms/{realm}/protocol/openid-connect/auth", ["GET", "POST"], AuthorizeAsync).DisableAntiforgery();
        app.MapPost("/realms/{realm}/login-actions/authenticate", LoginAsync).DisableAntiforgery();
        app.MapMethods("/realms/{realm}/protocol/openid-connect/logout", ["GET", "POST"], LogoutAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(string realm, HttpContext http, RealmStore store, SessionStore sessions, TimeProvider time)
    {
        if (store.Resolve(realm, http.Request) is not { } context)
        {
            return KeycloakErrors.RealmNotFound();
        }

        var query = http.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)await http.Request.ReadFormAsync() : http.Request.Query;
        var p = query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        string? Get(string key) => p.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

        var clientId = Get("client_id");
        if (clientId is null || !context.Realm.Clients.TryGetValue(clientId, out var client) || !client.Enabled)
        {
            return LoginPage.ErrorPage("Client not found.", 400);
        }

        var redirectUri = Get("redirect_uri");
        if (redirectUri is null || !RedirectUriMatcher.Matches(client, redirectUri))
        {
            return LoginPage.ErrorPage("Invalid parameter: redirect_uri", 400);
        }

        var state = Get("state");
        if (Get("response_type") != "code")
        {
            return RedirectError(redirectUri, state, context, "unsupported_response_type", "Client is not allowed to initiate browser login with given response_type.");
        }

        if (!client.StandardFlowEnabled)
        {
            return RedirectError(redirectUri, state, context, "unauthorized_client", "Client is not allowed to initiate browser login with given response_type. Standard flow is disabled for the client.");
        }

        var method = Get("code_challenge_method");
        var challenge = Get("code_challenge");
        if (challenge is not null && method is not (null or "plain" or "S256"))
        {
            return RedirectError(redirectUri, state, context, "invalid_request", "Invalid parameter: code_challenge_method");
        }

        if (client.Attributes.GetValueOrDefault("pkce.code.challenge.method") is { Length: > 0 } required && challenge is null)
        {
            return RedirectError(redirectUri, state, context, "invalid_request", "Missing parameter: code_challenge_method");
        }

        var login = new LoginRequest(realm, clientId, redirectUri, Get("response_mode") ?? "query", Get("scope") ?? "openid", state, Get("nonce"),
            challenge, challenge is null ? null : method ?? "plain");

        // SSO: a live session cookie for this realm skips the form, unless prompt=login.
        if (Get("prompt") != "login" && sessions.Find(http.Request.Cookies[IdentityCookie]) is { } existing && existing.Realm == realm)
        {
            return CodeRedirect(http, context, sessions, login, existing, time);
        }

        var id = sessions.BeginLogin(login);
        return LoginPage.Render(realm, Action(context, id, clientId), Get("login_hint"), null);
    }

    private static async Task<IResult> LoginAsync(string realm, HttpContext http, RealmStore store, SessionStore sessions, TimeProvider time)
    {
        if (store.Resolve(realm, http.Request) is not { } context)
        {
            return KeycloakErrors.RealmNotFound();
        }

        var sessionCode = http.Request.Query["session_code"].ToString();
        var login = sessions.FindLogin(sessionCode);
        if (login is null || login.Realm != realm)
        {
            return LoginPage.ErrorPage("Your login attempt timed out. Login will start from the beginning.", 400);
        }

        var form = await http.Request.ReadFormAsync();
        var username = form["username"].ToString();
        var user = context.Realm.Users.TryGetValue(username, out var byName) ? byName
            : context.Realm.Users.Values.FirstOrDefault(u => string.Equals(u.Email, username, StringComparison.OrdinalIgnoreCase));
        if (user is null || user.ServiceAccountClientId is not null || !user.Credentials.Any(c => PasswordHasher.Verify(c, form["password"].ToString())))
        {
            return LoginPage.Render(realm, Action(context, sessionCode, login.ClientId), username, "Invalid username or password.");
        }

        if (!user.Enabled)
        {
            return LoginPage.Render(realm, Action(context, sessionCode, login.ClientId), username, "Account is disabled, contact your administrator.");
        }

        sessions.CompleteLogin(sessionCode);
        var session = sessions.Start(realm, user.Id, user.Username);
        var cookiePath = $"/realms/{realm}/";
        http.Response.Cookies.Append(IdentityCookie, session.Id, new CookieOptions { Path = cookiePath, HttpOnly = true, SameSite = SameSiteMode.Lax });
        http.Response.Cookies.Append(SessionCookie, $"{realm}/{user.Id}/{session.Id}", new CookieOptions { Path = cookiePath, SameSite = SameSiteMode.Lax });
        return CodeRedirect(http, context, sessions, login, session, time);
    }

    private static async Task<IResult> LogoutAsync(string realm, HttpContext http, RealmStore store, SessionStore sessions, TimeProvider time)
    {
        if (store.Resolve(realm, http.Request) is not { } context)
        {
            return KeycloakErrors.RealmNotFound();
        }

        var values = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(kv => kv.Key, kv => kv.Value.ToString())
            : http.Request.Query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        string? Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

        var hint = Get("id_token_hint");
        var idToken = hint is null ? null : await TokenValidator.ValidateAsync(context, sessions, hint, "ID", time.GetUtcNow(), requireSession: false);
        if (hint is not null && idToken is null)
        {
            return LoginPage.ErrorPage("Invalid parameter: id_token_hint", 400);
        }

        var clientId = Get("client_id") ?? (idToken is { } t && t.TryGetProperty("azp", out var azp) ? azp.GetString() : null);
        var redirect = Get("post_logout_redirect_uri");
        if (redirect is not null)
        {
            if (clientId is null || !context.Realm.Clients.TryGetValue(clientId, out var client))
            {
                return LoginPage.ErrorPage("Missing parameters: id_token_hint", 400);
            }

            if (!PostLogoutRedirectAllowed(client, redirect))
            {
                return LoginPage.ErrorPage("Invalid redirect uri", 400);
            }
        }

        var sid = idToken is { } token && token.TryGetProperty("sid", out var s) ? s.GetString() : http.Request.Cookies[IdentityCookie];
        if (sid is not null)
        {
            sessions.End(sid);
        }

        var cookiePath = $"/realms/{realm}/";
        http.Response.Cookies.Delete(IdentityCookie, new CookieOptions { Path = cookiePath });
        http.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = cookiePath });
        if (redirect is null)
        {
            return LoginPage.LoggedOut();
        }

        var state = Get("state");
        return Results.Redirect(state is null ? redirect : QueryHelpers.AddQueryString(redirect, "state", state));
    }

    private static bool PostLogoutRedirectAllowed(ClientModel client, string redirect)
    {
        var allowed = client.Attributes.GetValueOrDefault("post.logout.redirect.uris") ?? "+";
        var patterns = allowed.Split("##", StringSplitOptions.RemoveEmptyEntries).SelectMany(p => p == "+" ? client.RedirectUris : [p]).ToArray();
        return RedirectUriMatcher.Matches(client with { RedirectUris = patterns }, redirect);
    }

    private static IResult CodeRedirect(HttpContext http, RealmContext context, SessionStore sessions, LoginRequest login, UserSession session, TimeProvider time)
    {
        var code = sessions.IssueCode(new AuthorizationCode(string.Empty, session.Id, login.Realm, login.ClientId, login.RedirectUri, login.Scope, login.Nonce,
            login.CodeChallenge, login.CodeChallengeMethod, time.GetUtcNow().AddSeconds(60)));
        var parameters = new Dictionary<string, string?>();
        if (login.State is not null)
        {
            parameters["state"] = login.State;
        }

        parameters["session_state"] = session.Id;
        parameters["iss"] = context.Issuer;
        parameters["code"] = code;
        if (login.ResponseMode == "form_post")
        {
            var inputs = string.Concat(parameters.Select(kv => $"<input type=\"hidden\" name=\"{kv.Key}\" value=\"{System.Net.WebUtility.HtmlEncode(kv.Value)}\">"));
            return Results.Content($"<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{System.Net.WebUtility.HtmlEncode(login.RedirectUri)}\">{inputs}</form></body></html>", "text/html");
        }

        _ = http;
        return Results.Redirect(QueryHelpers.AddQueryString(login.RedirectUri, parameters));
    }

    private static IResult RedirectError(string redirectUri, string? state, RealmContext context, string error, string description)
    {
        var parameters = new Dictionary<string, string?> { ["error"] = error, ["error_description"] = description };
        if (state is not null)
        {
            parameters["state"] = state;
        }

        parameters["iss"] = context.Issuer;
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters));
    }

    private static string Action(RealmContext context, string sessionCode, string clientId) =>
        $"{context.Issuer}/login-actions/authenticate?session_code={Uri.EscapeDataString(sessionCode)}&client_id={Uri.EscapeDataString(clientId)}";
}
