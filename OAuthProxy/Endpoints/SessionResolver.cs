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
}

/// <summary>
/// oauth2-proxy's <c>getAuthenticatedSession</c>: a bearer JWT (with skip_jwt_bearer_tokens) or the stored session,
/// refreshed after <c>cookie_refresh</c>, dropped when expired; then the email and allowed-group/role checks
/// (failure clears the session cookie).
/// </summary>
internal sealed class SessionResolver(OAuthProxyOptions options, ISessionStore store, OidcProvider provider, EmailValidator emails, TimeProvider time)
{
    public async Task<(SessionOutcome Outcome, SessionState? Session)> ResolveAsync(HttpContext context)
    {
        var session = await BearerAsync(context) ?? await StoredAsync(context);
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
