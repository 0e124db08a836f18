using System.Globalization;

namespace AspireAuth.OAuthProxy.Options;

/// <summary>Builds and validates <see cref="OAuthProxyOptions"/>, with oauth2-proxy's messages for what is missing or wrong.</summary>
public static class OptionsBuilder
{
    public static OAuthProxyOptions Build(ProxySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        string Required(string flag, string message)
        {
            var value = settings.Get(flag);
            if (string.IsNullOrEmpty(value))
            {
                errors.Add(message);
            }

            return value ?? string.Empty;
        }

        TimeSpan Duration(string flag, TimeSpan fallback)
        {
            var text = settings.Get(flag);
            if (text is null)
            {
                return fallback;
            }

            if (AspireAuth.Mesh.Loading.DurationParser.TryParse(text, out var value) || (text == "0" && (value = TimeSpan.Zero) == TimeSpan.Zero))
            {
                return value;
            }

            errors.Add($"invalid value \"{text}\" for flag --{flag}: time: invalid duration \"{text}\"");
            return fallback;
        }

        bool Bool(string flag, bool fallback)
        {
            try
            {
                return settings.Bool(flag, fallback);
            }
            catch (FormatException)
            {
                errors.Add($"invalid value \"{settings.Get(flag)}\" for flag --{flag}: parse error");
                return fallback;
            }
        }

        var clientId = Required("client-id", "missing setting: client-id");
        var clientSecret = settings.Get("client-secret") ?? (settings.Get("client-secret-file") is { } file && File.Exists(file) ? File.ReadAllText(file).Trim() : null);
        if (string.IsNullOrEmpty(clientSecret))
        {
            errors.Add("missing setting: client-secret or client-secret-file");
        }

        var cookieSecret = settings.Get("cookie-secret") ?? (settings.Get("cookie-secret-file") is { } cfile && File.Exists(cfile) ? File.ReadAllText(cfile).Trim() : null);
        if (string.IsNullOrEmpty(cookieSecret))
        {
            errors.Add("missing setting: cookie-secret or cookie-secret-file");
        }
        else if (OAuthProxyOptions.SecretBytes(cookieSecret).Length is not (16 or 24 or 32))
        {
            errors.Add($"cookie_secret must be 16, 24, or 32 bytes to create an AES cipher, but is {OAuthProxyOptions.SecretBytes(cookieSecret).Length} bytes");
        }

        var provider = settings.Get("provider") ?? "google";
        if (provider is not ("oidc" or "keycloak-oidc"))
        {
            errors.Add($"invalid setting: provider \"{provider}\" is not supported here (use oidc or keycloak-oidc)");
        }

        var issuer = settings.Get("oidc-issuer-url");
        if (string.IsNullOrEmpty(issuer))
        {
            errors.Add("missing setting: oidc-issuer-url");
        }

        var emailDomains = settings.List("email-domain");
        if (emailDomains.Count == 0 && settings.Get("authenticated-emails-file") is null)
        {
            errors.Add("missing setting for email validation: email-domain or authenticated-emails-file required.\n      use email-domain=* to authorize all email addresses");
        }

        var sessionStore = settings.Get("session-store-type") ?? "cookie";
        if (sessionStore is not ("cookie" or "redis"))
        {
            errors.Add($"unknown session store type '{sessionStore}'");
        }

        var redisUrl = settings.Get("redis-connection-url");
        if (sessionStore == "redis" && string.IsNullOrEmpty(redisUrl))
        {
            errors.Add("missing setting: redis-connection-url (session-store-type is redis)");
        }

        var method = settings.Get("code-challenge-method");
        if (method is not (null or "" or "S256" or "plain"))
        {
            errors.Add($"invalid code-challenge-method \"{method}\": must be S256 or plain");
        }

        var sameSite = settings.Get("cookie-samesite") ?? string.Empty;
        if (sameSite is not ("" or "lax" or "strict" or "none"))
        {
            errors.Add($"cookie_samesite (\"{sameSite}\") must be one of ['', 'lax', 'strict', 'none']");
        }

        var expire = Duration("cookie-expire", TimeSpan.FromHours(168));
        var refresh = Duration("cookie-refresh", TimeSpan.Zero);
        if (refresh != TimeSpan.Zero && expire != TimeSpan.Zero && refresh >= expire)
        {
            errors.Add($"cookie_refresh (\"{refresh}\") must be less than cookie_expire (\"{expire}\")");
        }

        // List settings parsed entry by entry; every entry that is wrong is reported.
        List<T> Parse<T>(string flag, Func<string, (T? Value, string? Error)> parse)
            where T : class
        {
            var parsed = new List<T>();
            foreach (var entry in settings.List(flag))
            {
                var (value, error) = parse(entry);
                if (value is null)
                {
                    errors.Add(error!);
                }
                else
                {
                    parsed.Add(value);
                }
            }

            return parsed;
        }

        var allowedRoutes = Parse("skip-auth-regex", path =>
            (AllowedRoute.Compile(path, out var error) is { } regex ? new AllowedRoute(null, false, regex) : null, error));
        allowedRoutes.AddRange(Parse("skip-auth-route", spec => (AllowedRoute.ParseRoute(spec, out var error), error)));
        var apiRoutes = Parse("api-route", path => (AllowedRoute.Compile(path, out var error), error));
        var extraIssuers = Parse("extra-jwt-issuer", spec => (ExtraJwtIssuer.Parse(spec), $"invalid jwt verifier uri=audience spec: {spec}"));

        var options = new OAuthProxyOptions
        {
            Provider = provider,
            OidcIssuerUrl = issuer,
            ClientId = clientId,
            ClientSecret = clientSecret ?? string.Empty,
            CookieSecret = cookieSecret ?? string.Empty,
            CookieName = settings.Get("cookie-name") ?? "_oauth2_proxy",
            CookieExpire = expire,
            CookieRefresh = refresh,
            CookieSecure = Bool("cookie-secure", true),
            CookieHttpOnly = Bool("cookie-httponly", true),
            CookieSameSite = sameSite,
            CookiePath = settings.Get("cookie-path") ?? "/",
            CookieDomains = settings.List("cookie-domain"),
            CookieCsrfExpire = Duration("cookie-csrf-expire", TimeSpan.FromMinutes(15)),
            EmailDomains = emailDomains,
            AllowedGroups = settings.List("allowed-group"),
            AllowedRoles = settings.List("allowed-role"),
            ExtraJwtIssuers = extraIssuers,
            WhitelistDomains = settings.List("whitelist-domain"),
            Upstreams = settings.List("upstream"),
            RedirectUrl = settings.Get("redirect-url"),
            ProxyPrefix = settings.Get("proxy-prefix") ?? "/oauth2",
            Scope = settings.Get("scope"),
            OidcGroupsClaim = settings.Get("oidc-groups-claim") ?? "groups",
            OidcEmailClaim = settings.Get("oidc-email-claim") ?? "email",
            CodeChallengeMethod = string.IsNullOrEmpty(method) ? null : method,
            SkipProviderButton = Bool("skip-provider-button", false),
            SkipJwtBearerTokens = Bool("skip-jwt-bearer-tokens", false),
            SkipAuthPreflight = Bool("skip-auth-preflight", false),
            AllowedRoutes = allowedRoutes,
            ApiRoutes = apiRoutes,
            SetXAuthRequest = Bool("set-xauthrequest", false),
            SetAuthorizationHeader = Bool("set-authorization-header", false),
            PassAccessToken = Bool("pass-access-token", false),
            PassAuthorizationHeader = Bool("pass-authorization-header", false),
            PassUserHeaders = Bool("pass-user-headers", true),
            ReverseProxy = Bool("reverse-proxy", false),
            ForceJsonErrors = Bool("force-json-errors", false),
            InsecureOidcAllowUnverifiedEmail = Bool("insecure-oidc-allow-unverified-email", false),
            InsecureOidcSkipNonce = Bool("insecure-oidc-skip-nonce", true),
            ApprovalPrompt = settings.Get("approval-prompt") ?? "force",
            Prompt = settings.Get("prompt"),
            SessionStoreType = sessionStore,
            RedisConnectionUrl = redisUrl,
            BackendLogoutUrl = settings.Get("backend-logout-url"),
            HttpAddress = settings.Get("http-address") ?? "127.0.0.1:4180",
            PingPath = settings.Get("ping-path") ?? "/ping",
            ReadyPath = settings.Get("ready-path") ?? "/ready",
        };
        return errors.Count > 0
            ? throw new InvalidOperationException("invalid configuration:\n  " + string.Join("\n  ", errors))
            : options;
    }

    internal static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
