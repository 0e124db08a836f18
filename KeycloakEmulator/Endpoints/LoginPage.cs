using System.Net;

namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary>
/// The login form, with the element ids of Keycloak's own theme (<c>kc-form-login</c>, <c>username</c>,
/// <c>password</c>, <c>kc-login</c>) so scripts written against Keycloak drive it unchanged.
/// </summary>
internal static class LoginPage
{
    public static IResult Render(string realm, string action, string? username, string? error, int status = 200)
    {
        static string e(string value) => WebUtility.HtmlEncode(value);
        var message = error is null ? string.Empty : $"<div id=\"input-error\" class=\"alert-error\" aria-live=\"polite\">{e(error)}</div>";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in to {{e(realm)}}</title>
            <style>body{font-family:system-ui,sans-serif;background:#f0f0f0;display:flex;justify-content:center;padding-top:10vh}
            form{background:#fff;padding:2rem;border-radius:.5rem;min-width:20rem;display:flex;flex-direction:column;gap:.6rem}
            .alert-error{color:#c00}</style></head>
            <body><form id="kc-form-login" action="{{e(action)}}" method="post">
            <h1 id="kc-page-title">Sign in to your account</h1>
            <p>Realm <b>{{e(realm)}}</b> (AspireAuth Keycloak emulator)</p>
            {{message}}
            <label for="username">Username or email</label>
            <input id="username" name="username" type="text" value="{{e(username ?? string.Empty)}}" autofocus autocomplete="username">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password">
            <input type="hidden" id="id-hidden-input" name="credentialId">
            <input id="kc-login" name="login" type="submit" value="Sign In">
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult ErrorPage(string message, int status) =>
        Results.Content($"<!doctype html><html><head><title>Error</title></head><body><p id=\"kc-error-message\" class=\"instruction\">{WebUtility.HtmlEncode(message)}</p></body></html>",
            "text/html; charset=utf-8", statusCode: status);

    public static IResult LoggedOut() =>
        Results.Content("<!doctype html><html><head><title>Signing out</title></head><body><p id=\"kc-page-title\">You are logged out</p></body></html>", "text/html; charset=utf-8");
}
