using System.Net;

namespace AspireAuth.OAuthProxy.Endpoints;

/// <summary>oauth2-proxy's sign-in and error pages (plain HTML, no-cache), with its default messages per status.</summary>
internal static class Pages
{
    public static async Task ErrorAsync(HttpContext context, int status, string? message = null, string redirect = "/")
    {
        var text = message ?? status switch
        {
            403 => "You do not have permission to access this resource.",
            401 => "You need to be logged in to access this resource.",
            _ => "Oops! Something went wrong. For more information contact your server administrator.",
        };
        var title = ReasonPhrase(status);
        await WriteAsync(context, status, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status} {title}</title></head><body><section class=\"hero\"><h1 class=\"title\">{status}</h1><h2 class=\"subtitle\">{WebUtility.HtmlEncode(title)}</h2><p class=\"error-message\">{WebUtility.HtmlEncode(text)}</p><form method=\"GET\" action=\"/oauth2/sign_in\"><input type=\"hidden\" name=\"rd\" value=\"{WebUtility.HtmlEncode(redirect)}\"><button type=\"submit\">Sign in</button></form></section></body></html>");
    }

    public static Task SignInAsync(HttpContext context, string prefix, string redirect, string providerName, int status) =>
        WriteAsync(context, status, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign In</title></head><body><section><form method=\"GET\" action=\"{prefix}/start\"><input type=\"hidden\" name=\"rd\" value=\"{WebUtility.HtmlEncode(redirect)}\"><button type=\"submit\" class=\"button\">Sign in with {WebUtility.HtmlEncode(providerName)}</button></form></section></body></html>");

    private static async Task WriteAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, no-store, must-revalidate, max-age=0";
        context.Response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 UTC";
        await context.Response.WriteAsync(html);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
