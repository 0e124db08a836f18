namespace AspireAuth.OAuthProxy.Sessions;

/// <summary>Where sessions live: in the cookie itself, or in Redis behind a ticket cookie.</summary>
public interface ISessionStore
{
    Task<SessionState?> LoadAsync(HttpContext context);

    Task SaveAsync(HttpContext context, SessionState session);

    Task ClearAsync(HttpContext context);

    /// <summary>For <c>/ready</c>: whether the store can serve requests.</summary>
    Task<bool> IsReadyAsync();
}
