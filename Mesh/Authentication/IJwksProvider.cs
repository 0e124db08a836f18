using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// Supplies the keys of a <see cref="JwtRule"/> with a <c>jwksUri</c>. Inline <c>jwks</c> never reaches it. The host
/// decides how keys are fetched and cached; <c>unknownKid</c> is set when a token names a key the current
/// set lacks (a hint to refetch).
/// </summary>
public interface IJwksProvider
{
    ValueTask<JwksKeys> GetKeysAsync(JwtRule rule, string? unknownKid, CancellationToken cancellationToken);
}
