using System.Text;

namespace AspireAuth.OAuthProxy.Options;

/// <summary>The typed oauth2-proxy options this service honours, with oauth2-proxy's defaults.</summary>
public sealed record OAuthProxyOptions
{
    public string Provider { get; init; } = "google";
    public string? OidcIssuerUrl { get; init; }
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required string CookieSecret { get; init; }
    public string CookieName { get; init; } = "_oauth2_proxy";
    public TimeSpan CookieExpire { get; init; } = TimeSpan.FromHours(168);
    public TimeSpan CookieRefresh { get; init; } = TimeSpan.Zero;
    public bool CookieSecure { get; init; } = true;
    public bool CookieHttpOnly { get; init; } = true;
    public string CookieSameSite { get; init; } = string.Empty;
    public string CookiePath { get; init; } = "/";
    public IReadOnlyList<string> CookieDomains { get; init; } = [];
    public TimeSpan CookieCsrfExpire { get; init; } = TimeSpan.FromMinutes(15);
    public IReadOnlyList<string> EmailDomains { get; init; } = [];
    public IReadOnlyList<string> AllowedGroups { get; init; } = [];
    public IReadOnlyList<string> AllowedRoles { get; init; } = [];

    /// <summary><c>extra_jwt_issuers</c>: further issuers (and the audience each must carry) for bearer JWTs.</summary>
    public IReadOnlyList<ExtraJwtIssuer> ExtraJwtIssuers { get; init; } = [];
    public IReadOnlyList<string> WhitelistDomains { get; init; } = [];
    public IReadOnlyList<string> Upstreams { get; init; } = [];
    public string? RedirectUrl { get; init; }
    public string ProxyPrefix { get; init; } = "/oauth2";
    public string? Scope { get; init; }
    public string OidcGroupsClaim { get; init; } = "groups";
    public string OidcEmailClaim { get; init; } = "email";
    public string? CodeChallengeMethod { get; init; }
    public bool SkipProviderButton { get; init; }
    public bool SkipJwtBearerTokens { get; init; }
    public bool SkipAuthPreflight { get; init; }

    /// <summary><c>skip_auth_routes</c> and <c>skip_auth_regex</c>: requests served without a session.</summary>
    public IReadOnlyList<AllowedRoute> AllowedRoutes { get; init; } = [];

    /// <summary><c>api_routes</c>: paths answered 401 <c>{}</c> instead of a login when there is no session.</summary>
    public IReadOnlyList<System.Text.RegularExpressions.Regex> ApiRoutes { get; init; } = [];
    public bool SetXAuthRequest { get; init; }
    public bool SetAuthorizationHeader { get; init; }
    public bool PassAccessToken { get; init; }
    public bool PassAuthorizationHeader { get; init; }
    public bool PassUserHeaders { get; init; } = true;
    public bool ReverseProxy { get; init; }
    public bool ForceJsonErrors { get; init; }
    public bool InsecureOidcAllowUnverifiedEmail { get; init; }
    public bool InsecureOidcSkipNonce { get; init; } = true;
    public string ApprovalPrompt { get; init; } = "force";
    public string? Prompt { get; init; }
    public string SessionStoreType { get; init; } = "cookie";
    public string? RedisConnectionUrl { get; init; }
    public string? BackendLogoutUrl { get; init; }
    public string HttpAddress { get; init; } = "127.0.0.1:4180";
    public string PingPath { get; init; } = "/ping";
    public string ReadyPath { get; init; } = "/ready";

    /// <summary>The AES key: the secret base64url-decoded when that gives 16, 24 or 32 bytes, else its raw bytes.</summary>
    public byte[] CookieSecretBytes => SecretBytes(CookieSecret);

    public static byte[] SecretBytes(string secret)
    {
        try
        {
            var decoded = Convert.FromBase64String(secret.TrimEnd('=').Replace('-', '+').Replace('_', '/').PadRight(secret.TrimEnd('=').Length + ((4 - (secret.TrimEnd('=').Length % 4)) % 4), '='));
            if (decoded.Length is 16 or 24 or 32)
            {
                return decoded;
            }
        }
        catch (FormatException)
        {
        }

        return Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The groups <c>--allowed-group</c> and <c>--allowed-role</c> (as <c>role:X</c>) admit.</summary>
    public IReadOnlySet<string> AllowedGroupKeys =>
        AllowedGroups.Where(g => g.Length > 0).Concat(AllowedRoles.Where(r => r.Length > 0).Select(r => $"role:{r}")).ToHashSet(StringComparer.Ordinal);
}
