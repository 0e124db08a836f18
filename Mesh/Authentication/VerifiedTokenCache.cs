using System.Collections.Concurrent;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// Tokens that passed verification, per provider, so a repeated token costs no signature check. Bounded; an entry is
/// used only while its key set is unchanged, and time is re-checked on every use so it expires with the token.
/// </summary>
public sealed class VerifiedTokenCache(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<(JwtProvider Provider, string Token), Entry> _entries = new();

    public int Count => _entries.Count;

    internal bool TryGet(JwtProvider provider, string token, long keysVersion, out ParsedJwt jwt, out ClaimSet claims)
    {
        if (_entries.TryGetValue((provider, token), out var entry))
        {
            if (entry.KeysVersion == keysVersion)
            {
                jwt = entry.Jwt;
                claims = entry.Claims;
                return true;
            }

            _entries.TryRemove((provider, token), out _);
        }

        jwt = null!;
        claims = null!;
        return false;
    }

    internal void Add(JwtProvider provider, ParsedJwt jwt, ClaimSet claims, long keysVersion)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[(provider, jwt.Token)] = new Entry(jwt, claims, keysVersion);
    }

    internal void Remove(JwtProvider provider, string token) => _entries.TryRemove((provider, token), out _);

    private sealed record Entry(ParsedJwt Jwt, ClaimSet Claims, long KeysVersion);
}
