using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// Supplies the keys of a <see cref="JwtRule"/> without inline <c>jwks</c>: from its <c>jwksUri</c>, or, when only the
/// <c>issuer</c> is set, from the <c>jwks_uri</c> of the issuer's OpenID discovery document. Inline <c>jwks</c> never
/// reaches it. The host
/// decides how keys are fetched and cached; <c>unknownKid</c> is set when a token names a key the current
/// set lacks (a hint to refetch).
/// </summary>
public interface IJwksProvider
{
    ValueTask<JwksKeys> GetKeysAsync(JwtRule rule, string? unknownKid, CancellationToken cancellationToken);
}
