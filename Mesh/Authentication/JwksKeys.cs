using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// The keys a provider verifies with at one moment. <see cref="Version"/> changes whenever the key set changes, so
/// cached verifications made with an older set are dropped. A set whose fetch never succeeded is
/// <see cref="Unavailable"/>: Istio then inlines a key that verifies nothing (fail closed).
/// </summary>
public sealed class JwksKeys
{
    public JwksKeys(IReadOnlyList<JsonWebKey> keys, long version)
    {
        Keys = keys;
        Version = version;
    }

    public IReadOnlyList<JsonWebKey> Keys { get; }

    public long Version { get; }

    public bool IsUnavailable { get; private init; }

    /// <summary>Why the keys are unavailable (the URI and the error), for explanations; null when unknown.</summary>
    public string? Problem { get; private init; }

    /// <summary>The key set of a provider whose JWKS could not be fetched.</summary>
    public static JwksKeys Unavailable { get; } = new([], -1) { IsUnavailable = true };

    /// <summary>An unavailable key set that says why.</summary>
    public static JwksKeys Failed(string problem) => new([], -1) { IsUnavailable = true, Problem = problem };

    /// <summary>Parses a JWKS document.</summary>
    public static JwksKeys Parse(string json, long version) => new(new JsonWebKeySet(json).Keys.ToArray(), version);
}
