using System.Net;
using AspireAuth.ChatQnaStub.Identity;

namespace AspireAuth.ChatQnaStub.Apis;

/// <summary>
/// The chat page at <c>GET /</c>, served from the assembly. When the request carries an identity the header says who
/// is signed in; when that identity came through oauth2-proxy (its <c>x-auth-request-*</c> headers) it also links to
/// oauth2-proxy's <c>/oauth2/sign_out</c>, which only exists behind it.
/// </summary>
public static class ChatPage
{
    private const string IdentityMarker = "<!--identity-->";

    private static readonly Lazy<string> s_page = new(() =>
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("ChatQnaStub.index.html")
            ?? throw new InvalidOperationException("The chat page resource ChatQnaStub.index.html is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpRequest request) => Results.Content(Render(request.Headers), "text/html; charset=utf-8")).WithName("ChatPage");
        return app;
    }

    /// <summary>The page with the signed-in user (and the sign-out link behind oauth2-proxy) filled in.</summary>
    public static string Render(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (RequestIdentity.From(headers) is not { } identity)
        {
            return s_page.Value;
        }

        var signedIn = $"<span data-testid=\"signed-in\">Signed in as {WebUtility.HtmlEncode(identity.DisplayName)}</span>";
        var behindOAuthProxy = headers.ContainsKey("x-auth-request-user") || headers.ContainsKey("x-auth-request-email");
        var signOut = behindOAuthProxy ? "<a id=\"sign-out\" href=\"/oauth2/sign_out\">Sign out</a>" : string.Empty;
        return s_page.Value.Replace(IdentityMarker, signedIn + signOut, StringComparison.Ordinal);
    }
}
