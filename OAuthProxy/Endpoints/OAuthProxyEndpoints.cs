using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AspireAuth.OAuthProxy.Oidc;
using AspireAuth.OAuthProxy.Options;
using AspireAuth.OAuthProxy.Redirects;
using AspireAuth.OAuthProxy.Sessions;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.OAuthProxy.Endpoints;

/// <summary>oauth2-proxy's endpoints under the proxy prefix, and the catch-all that answers every other path.</summary>
internal sealed class OAuthProxyEndpoints(
    OAuthProxyOptions options,
    ISessionStore store,
    OidcProvider provider,
    SessionResolver resolver,
    RedirectValidator redirects,
    IHttpClientFactory httpClients,
    TimeProvider time)
{
    public static async Task PingAsync(HttpContext context) => await Text(context, 200, "OK");

    public async Task ReadyAsync(HttpContext context) =>
        await Text(context, await store.IsReadyAsync() ? 200 : 500, await store.IsReadyAsync() ? "OK" : "Redis is not ready");

    public async Task SignInAsync(HttpContext context)
    {
        if (options.SkipProviderButton)
        {
            await StartAsync(context);
            return;
        }

        await store.ClearAsync(context);
        await Pages.SignInAsync(context, options.ProxyPrefix, GetRedirect(context), ProviderName, 200);
    }

    /// <summary><c>/oauth2/start</c>: CSRF cookie and a 302 to the IdP, with the state carrying the redirect back.</summary>
    public async Task StartAsync(HttpContext context)
    {
        string? verifier = null;
        string? challenge = null;
        if (options.CodeChallengeMethod is { } method)
        {
            verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(96));
            challenge = method == "S256" ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
        }

        var csrf = new CsrfData(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), verifier);
        var state = $"{OidcProvider.HashNonce(csrf.State)}:{GetRedirect(context)}";
        var nonce = options.InsecureOidcSkipNonce ? null : OidcProvider.HashNonce(csrf.Nonce);
        var login = await provider.LoginUrlAsync(RedirectUri(context), state, challenge, nonce, context.RequestAborted);
        csrf.Write(context, options, time.GetUtcNow());
        context.Response.Redirect(login);
    }

    /// <summary><c>/oauth2/callback</c>: the checks and failure statuses of oauth2-proxy, in its order.</summary>
    public async Task CallbackAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["error"].ToString() is { Length: > 0 } error)
        {
            await Pages.ErrorAsync(context, 403, $"Login Failed: The upstream identity provider returned an error: {error}");
            return;
        }

        var state = query["state"].ToString();
        var colon = state.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            await Pages.ErrorAsync(context, 500);
            return;
        }

        var (stateHash, appRedirect) = (state[..colon], state[(colon + 1)..]);
        var csrf = CsrfData.Read(context, options, time.GetUtcNow());
        if (csrf is null)
        {
            await Pages.ErrorAsync(context, 403, "Login Failed: Unable to find a valid CSRF token. Please try again.");
            return;
        }

        var code = query["code"].ToString();
        if (code.Length == 0)
        {
            await Pages.ErrorAsync(context, 500);
            return;
        }

        SessionState session;
        try
        {
            session = await provider.RedeemAsync(code, RedirectUri(context), csrf.CodeVerifier,
                options.InsecureOidcSkipNonce ? null : OidcProvider.HashNonce(csrf.Nonce), context.RequestAborted);
        }
        catch (OidcException)
        {
            CsrfData.Clear(context, options);
            await Pages.ErrorAsync(context, 500);
            return;
        }

        CsrfData.Clear(context, options);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(OidcProvider.HashNonce(csrf.State)), Encoding.ASCII.GetBytes(stateHash)))
        {
            await Pages.ErrorAsync(context, 403, "Login Failed: Unable to find a valid CSRF token. Please try again.");
            return;
        }

        if (!redirects.IsValid(appRedirect))
        {
            appRedirect = "/";
        }

        var emailOk = string.IsNullOrEmpty(session.Email) || new EmailValidator(options).IsValid(session.Email);
        if (!emailOk || !resolver.Authorized(session))
        {
            await Pages.ErrorAsync(context, 403);
            return;
        }

        await store.SaveAsync(context, session);
        context.Response.Redirect(appRedirect);
    }

    public async Task SignOutAsync(HttpContext context)
    {
        var redirect = GetRedirect(context);
        var session = await store.LoadAsync(context);
        if (session?.IdToken is { } idToken)
        {
            redirect = redirect.Replace("{id_token}", idToken, StringComparison.Ordinal);
            if (options.BackendLogoutUrl is { Length: > 0 } backend)
            {
                try
                {
                    using var client = httpClients.CreateClient("oauth2-proxy-backend");
                    using var _ = await client.GetAsync(new Uri(backend.Replace("{id_token}", idToken, StringComparison.Ordinal)), context.RequestAborted);
                }
                catch (HttpRequestException)
                {
                    // oauth2-proxy only logs a failed backend logout.
                }
            }
        }

        await store.ClearAsync(context);
        context.Response.Redirect(redirect);
    }

    /// <summary><c>/oauth2/auth</c>: 202 with the identity headers, 401 without a valid session, 403 for query constraints.</summary>
    public async Task AuthAsync(HttpContext context)
    {
        var (outcome, session) = await resolver.ResolveAsync(context);
        if (outcome == SessionOutcome.AllowedWithoutSession)
        {
            context.Response.StatusCode = 202;
            return;
        }

        if (outcome != SessionOutcome.Authenticated)
        {
            await Text(context, 401, "Unauthorized\n");
            return;
        }

        if (!QueryConstraintsPass(context, session!))
        {
            await Text(context, 403, "Forbidden\n");
            return;
        }

        AddIdentityHeaders(context, session!);
        context.Response.StatusCode = 202;
    }

    public async Task UserInfoAsync(HttpContext context)
    {
        var (outcome, session) = await resolver.ResolveAsync(context);
        if (outcome != SessionOutcome.Authenticated)
        {
            await Text(context, 401, "Unauthorized\n");
            return;
        }

        var info = new Dictionary<string, object?> { ["user"] = session!.User, ["email"] = session.Email };
        if (session.Groups.Count > 0)
        {
            info["groups"] = session.Groups;
        }

        if (session.PreferredUsername is { Length: > 0 } preferred)
        {
            info["preferredUsername"] = preferred;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(info) + "\n");
    }

    /// <summary>Every other path (reverse-proxy mode, and the ext_authz check): the static upstream when authenticated.</summary>
    public async Task ProxyAsync(HttpContext context)
    {
        var (outcome, session) = await resolver.ResolveAsync(context);
        switch (outcome)
        {
            case SessionOutcome.AllowedWithoutSession:
                await UpstreamAsync(context, null);
                return;
            case SessionOutcome.Authenticated when QueryConstraintsPass(context, session!):
                await UpstreamAsync(context, session);
                return;
            case SessionOutcome.Authenticated:
                await Text(context, 403, "Forbidden\n");
                return;
            case SessionOutcome.AccessDenied:
                // Only force_json_errors turns this one into JSON; an Accept header or an api route does not.
                if (options.ForceJsonErrors)
                {
                    await Json(context, 403);
                }
                else
                {
                    await Pages.ErrorAsync(context, 403);
                }

                return;
        }

        if (WantsJson(context))
        {
            await Json(context, 401);
        }
        else if (options.SkipProviderButton)
        {
            await StartAsync(context);
        }
        else
        {
            await store.ClearAsync(context);
            await Pages.SignInAsync(context, options.ProxyPrefix, GetRedirect(context), ProviderName, 403);
        }
    }

    private async Task UpstreamAsync(HttpContext context, SessionState? session)
    {
        var upstream = options.Upstreams.Count > 0 ? options.Upstreams[0] : "static://200";
        if (session is not null)
        {
            AddIdentityHeaders(context, session);
        }

        var code = int.TryParse(upstream.StartsWith("static://", StringComparison.Ordinal) ? upstream["static://".Length..] : "200", NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 200;
        await Text(context, code, "Authenticated");
    }

    private void AddIdentityHeaders(HttpContext context, SessionState session)
    {
        var headers = context.Response.Headers;
        if (options.SetXAuthRequest)
        {
            SetIfPresent(headers, "X-Auth-Request-User", session.User);
            SetIfPresent(headers, "X-Auth-Request-Email", session.Email);
            SetIfPresent(headers, "X-Auth-Request-Preferred-Username", session.PreferredUsername);
            SetIfPresent(headers, "X-Auth-Request-Groups", session.Groups.Count == 0 ? null : string.Join(',', session.Groups));
            if (options.PassAccessToken)
            {
                SetIfPresent(headers, "X-Auth-Request-Access-Token", session.AccessToken);
            }
        }

        if (options.SetAuthorizationHeader && session.IdToken is { Length: > 0 } idToken)
        {
            headers.Authorization = "Bearer " + idToken;
        }

        SetIfPresent(headers, "GAP-Auth", string.IsNullOrEmpty(session.Email) ? session.User : session.Email);
    }

    private static void SetIfPresent(IHeaderDictionary headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers[name] = value;
        }
    }

    /// <summary>The querystring constraints <c>allowed_groups</c>, <c>allowed_emails</c>, <c>allowed_email_domains</c>.</summary>
    private static bool QueryConstraintsPass(HttpContext context, SessionState session)
    {
        IEnumerable<string> Values(string key) => context.Request.Query[key].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries));
        var groups = Values("allowed_groups").ToHashSet(StringComparer.Ordinal);
        if (groups.Count > 0 && !session.Groups.Any(groups.Contains))
        {
            return false;
        }

        var emails = Values("allowed_emails").ToHashSet(StringComparer.Ordinal);
        if (emails.Count > 0 && (session.Email is null || !emails.Contains(session.Email)))
        {
            return false;
        }

        var domains = Values("allowed_email_domains").ToArray();
        if (domains.Length > 0)
        {
            var email = session.Email ?? string.Empty;
            var validator = new RedirectValidator(domains);
            if (email.Count(c => c == '@') != 1 || !validator.IsValid($"http://{email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..]}/"))
            {
                return false;
            }
        }

        return true;
    }

    private bool WantsJson(HttpContext context) =>
        options.ForceJsonErrors
        || options.ApiRoutes.Any(route => route.IsMatch(resolver.RequestPath(context)))
        || context.Request.Headers.Accept.SelectMany(a => (a ?? string.Empty).Split(','))
            .Any(a => a.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>GetRedirect</c>: rd, X-Auth-Request-Redirect, the forwarded URL (reverse_proxy), the request URI; under the prefix → /.</summary>
    private string GetRedirect(HttpContext context)
    {
        var request = context.Request;
        foreach (var candidate in new[] { request.Query["rd"].ToString(), request.Headers["X-Auth-Request-Redirect"].ToString() })
        {
            if (candidate.Length > 0 && redirects.IsValid(candidate))
            {
                return candidate;
            }
        }

        var uri = options.ReverseProxy && request.Headers["X-Forwarded-Uri"].ToString() is { Length: > 0 } forwardedUri
            ? forwardedUri
            : request.PathBase + request.Path + request.QueryString;
        if (uri.StartsWith(options.ProxyPrefix + "/", StringComparison.Ordinal))
        {
            uri = "/";
        }

        var forwardedHost = request.Headers["X-Forwarded-Host"].ToString();
        if (options.ReverseProxy && forwardedHost.Length > 0 && forwardedHost != request.Host.Value)
        {
            var proto = request.Headers["X-Forwarded-Proto"].ToString() is { Length: > 0 } p ? p : request.Scheme;
            var absolute = $"{proto}://{forwardedHost}{uri}";
            return redirects.IsValid(absolute) ? absolute : uri;
        }

        return uri;
    }

    /// <summary><c>redirect_url</c> when it has a host; otherwise the request's own scheme and host with the callback path.</summary>
    private string RedirectUri(HttpContext context)
    {
        if (options.RedirectUrl is { } configured && Uri.TryCreate(configured, UriKind.Absolute, out var absolute) && absolute.Host.Length > 0)
        {
            return configured;
        }

        var request = context.Request;
        var host = options.ReverseProxy && request.Headers["X-Forwarded-Host"].ToString() is { Length: > 0 } fh ? fh : request.Host.Value;
        var scheme = options.CookieSecure ? "https" : options.ReverseProxy && request.Headers["X-Forwarded-Proto"].ToString() is { Length: > 0 } fp ? fp : request.Scheme;
        return $"{scheme}://{host}{options.ProxyPrefix}/callback";
    }

    private string ProviderName => options.Provider == "keycloak-oidc" ? "Keycloak" : "OpenID Connect";

    private static async Task Text(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(body);
    }

    private static async Task Json(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{}");
    }
}
