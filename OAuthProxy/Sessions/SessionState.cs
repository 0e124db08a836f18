namespace AspireAuth.OAuthProxy.Sessions;

/// <summary>oauth2-proxy's session: tokens and the identity taken from them.</summary>
public sealed record SessionState
{
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresOn { get; init; }
    public string? AccessToken { get; init; }
    public string? IdToken { get; init; }
    public string? RefreshToken { get; init; }
    public string? Email { get; init; }
    public string? User { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
    public string? PreferredUsername { get; init; }

    public TimeSpan Age(DateTimeOffset now) => now - CreatedAt;
}
