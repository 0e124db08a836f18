using AspireAuth.OAuthProxy.Oidc;
using AspireAuth.OAuthProxy.Options;
using AspireAuth.OAuthProxy.Sessions;

namespace AspireAuth.OAuthProxy.Endpoints;

/// <summary>The outcome of looking for an authenticated session.</summary>
internal enum SessionOutcome
{
    Authenticated,
    NeedsLogin,
    AccessDenied,

    /// <summary>An allowed request (skip routes, a skipped preflight) without a session: served, with no identity.</summary>
    AllowedWithoutSession,
}

/// <summary>
/// oauth2-proxy's <c>getAuthenticatedSession</c>: a bearer JWT (with skip_jwt_bearer_tokens) or the stored session,
/// refreshed after <c>cookie_refresh</c>, dropped when expired; an allowed request (skip_auth_routes, skip_auth_regex,
/// skip_auth_preflight) then returns whatever session there is, unchecked; otherwise the email and allowed-group/role
/// checks follow (failure clears the session cookie).
/// </summary>
internal sealed class SessionResolver(OAuthProxyOptions options, ISessionStore store, OidcProvider provider, EmailValidator emails, TimeProvider time)
{
    public async Task<(SessionOutcome Outcome, SessionState? Session)> ResolveAsync(HttpContext context)
    {
        var session = await BearerAsync(context) ?? await StoredAsync(context);
        if (IsAllowedRequest(context))
        {
            return session is null ? (SessionOutcome.AllowedWithoutSession, null) : (SessionOutcome.Authenticated, session);
        }

        if (session is null)
        {
            return (SessionOutcome.NeedsLogin, null);
        }

        var invalidEmail = !string.IsNullOrEmpty(session.Email) && !emails.IsValid(session.Email);
        if (invalidEmail || !Authorized(session))
        {
            await store.ClearAsync(context);
            return (SessionOutcome.AccessDenied, session);
        }

        return (SessionOutcome.Authenticated, session);
    }

    /// <summary><c>IsAllowedRequest</c>: a skipped preflight, or a route of <c>skip_auth_routes</c>/<c>skip_auth_regex</c>.</summary>
    public bool IsAllowedRequest(HttpContext context)
    {
        var method = context.Request.Method;
        if (options.SkipAuthPreflight && HttpMethods.IsOptions(method))
        {
            return true;
        }

        var path = RequestPath(context);
        return options.AllowedRoutes.Any(route => route.Allows(method, path));
    }

    /// <summary><c>requestutil.GetRequestPath</c>: the path of X-Forwarded-Uri when proxied (reverse_proxy), else the request's.</summary>
    public string RequestPath(HttpContext context)
    {
        var request = context.Request;
        if (options.ReverseProxy && request.Headers["X-Forwarded-Uri"].ToString() is { Length: > 0 } forwarded)
        {
            var end = forwarded.IndexOfAny(['?', '#']);
            return end < 0 ? forwarded : forwarded[..end];
        }

        return request.PathBase + request.Path;
    }

    public bool Authorized(SessionState session)
    {
        var allowed = options.AllowedGroupKeys;
        return allowed.Count == 0 || session.Groups.Any(allowed.Contains);
    }

    private async Task<SessionState?> BearerAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!options.SkipJwtBearerTokens || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        var token = header[7..].Trim();
        return token.Split('.').Length == 3 ? await provider.SessionFromBearerAsync(token, context.RequestAborted) : null;
    }

    private async Task<SessionState?> StoredAsync(HttpContext context)
    {
        var session = await store.LoadAsync(context);
        if (session is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (options.CookieRefresh > TimeSpan.Zero && session.Age(now) > options.CookieRefresh && session.RefreshToken is not null)
        {
            try
            {
                session = await provider.RefreshAsync(session, context.RequestAborted);
                await store.SaveAsync(context, session);
            }
            catch (OidcException ex) when (ex.Fatal)
            {
                await store.ClearAsync(context);
                return null;
            }
            catch (OidcException)
            {
                // Other refresh errors keep the session (oauth2-proxy logs them).
            }
        }

        if (session.ExpiresOn is { } expires && expires < now)
        {
            await store.ClearAsync(context);
            return null;
        }

        return session;
    }
}
