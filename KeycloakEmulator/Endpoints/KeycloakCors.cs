namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary>
/// Keycloak's CORS handling (<c>DefaultCors</c>): a preflight from any origin is answered; an actual request gets the
/// CORS headers only when its <c>Origin</c> is one of the allowed origins (the client's resolved web origins, the
/// token's <c>allowed-origins</c>, or <c>*</c>). Without an <c>Origin</c> header nothing is added.
/// </summary>
internal static class KeycloakCors
{
    private const string AllowHeaders = "Origin, Accept, X-Requested-With, Content-Type, Access-Control-Request-Method, Access-Control-Request-Headers, DPoP, Authorization";

    /// <summary>The token endpoint's preflight methods (a Java HashSet of POST and OPTIONS, joined in its order).</summary>
    public const string TokenMethods = "POST, OPTIONS";

    /// <summary><c>Cors.DEFAULT_ALLOW_METHODS</c>, for preflights that name no methods (userinfo).</summary>
    public const string DefaultMethods = "GET, HEAD, OPTIONS";

    /// <summary>A preflight with credentials (<c>.auth().preflight()</c>): 200, empty body.</summary>
    public static IResult Preflight(HttpContext http, string methods)
    {
        ArgumentNullException.ThrowIfNull(http);
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            var headers = http.Response.Headers;
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowMethods = methods;
            headers.AccessControlAllowCredentials = "true";
            headers.AccessControlAllowHeaders = AllowHeaders;
            headers.AccessControlMaxAge = "3600";
        }

        return Results.Ok();
    }

    /// <summary>An actual request's headers when its origin is allowed; <paramref name="exposeMethods"/> as the token and userinfo endpoints do.</summary>
    public static void Allow(HttpContext http, IEnumerable<string> allowedOrigins, bool exposeMethods)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !allowedOrigins.Any(o => o == origin || o == "*"))
        {
            return;
        }

        var headers = http.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        if (exposeMethods)
        {
            headers.AccessControlExposeHeaders = "Access-Control-Allow-Methods";
        }

        headers.AccessControlAllowCredentials = "true";
    }
}
