using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AspireAuth.KeycloakEmulator.Sessions;

/// <summary>A user's SSO session (<c>sid</c>): refresh tokens and the login cookie are valid while it lives.</summary>
public sealed record UserSession(string Id, string Realm, string UserId, string Username, DateTimeOffset Started)
{
    public DateTimeOffset LastUsed { get; set; } = Started;
}

/// <summary>An issued authorization code, single use, with what the token request must repeat.</summary>
public sealed record AuthorizationCode(
    string Code,
    string SessionId,
    string Realm,
    string ClientId,
    string RedirectUri,
    string Scope,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    DateTimeOffset Expires);

/// <summary>An authorization request waiting for the login form.</summary>
public sealed record LoginRequest(
    string Realm,
    string ClientId,
    string RedirectUri,
    string ResponseMode,
    string Scope,
    string? State,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod);

/// <summary>SSO sessions, authorization codes and pending logins, in memory.</summary>
public sealed class SessionStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LoginRequest> _logins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);

    public UserSession Start(string realm, string userId, string username)
    {
        var session = new UserSession(Guid.NewGuid().ToString(), realm, userId, username, time.GetUtcNow());
        _sessions[session.Id] = session;
        return session;
    }

    public UserSession? Find(string? id) => id is not null && _sessions.TryGetValue(id, out var s) ? s : null;

    public bool End(string id) => _sessions.TryRemove(id, out _);

    public string IssueCode(AuthorizationCode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var code = $"{Token()}.{template.SessionId}.{Token()}";
        _codes[code] = template with { Code = code };
        return code;
    }

    /// <summary>Takes a code (a code can be redeemed once).</summary>
    public AuthorizationCode? Redeem(string code) =>
        _codes.TryRemove(code, out var c) && c.Expires > time.GetUtcNow() ? c : null;

    public string BeginLogin(LoginRequest request)
    {
        var id = Token();
        _logins[id] = request;
        return id;
    }

    public LoginRequest? FindLogin(string? id) => id is not null && _logins.TryGetValue(id, out var l) ? l : null;

    public void CompleteLogin(string id) => _logins.TryRemove(id, out _);

    public void Revoke(string jti) => _revoked[jti] = 0;

    public bool IsRevoked(string jti) => _revoked.ContainsKey(jti);

    private static string Token() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
