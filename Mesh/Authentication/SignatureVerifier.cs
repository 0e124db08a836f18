using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// Step 5 of the verification (jwt_verify_lib <c>verify.cc</c>): keys are tried where the kid and alg agree (an empty
/// kid or alg on either side agrees with anything); the signature itself is checked by Microsoft.IdentityModel.
/// </summary>
internal static class SignatureVerifier
{
    public static JwtStatus Verify(ParsedJwt jwt, JwksKeys keys)
    {
        if (keys.IsUnavailable)
        {
            // istiod inlines a key that verifies nothing when it cannot fetch the JWKS.
            return JwtStatus.JwtVerificationFail;
        }

        if (keys.Keys.Count == 0)
        {
            return JwtStatus.JwksNoValidKeys;
        }

        var candidates = keys.Keys.Where(k =>
            (string.IsNullOrEmpty(jwt.Kid) || string.IsNullOrEmpty(k.Kid) || k.Kid == jwt.Kid)
            && (string.IsNullOrEmpty(k.Alg) || k.Alg == jwt.Alg)).ToArray();
        if (candidates.Length == 0)
        {
            return JwtStatus.JwksKidAlgMismatch;
        }

        var signed = Encoding.ASCII.GetBytes(jwt.HeaderSegment + "." + jwt.PayloadSegment);
        var factory = CryptoProviderFactory.Default;
        foreach (var key in candidates)
        {
            if (!factory.IsSupportedAlgorithm(jwt.Alg, key))
            {
                continue;
            }

            var provider = factory.CreateForVerifying(key, jwt.Alg);
            try
            {
                if (provider.Verify(signed, jwt.Signature))
                {
                    return JwtStatus.Ok;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
            {
                // A key of the wrong type for the algorithm does not verify.
            }
            finally
            {
                factory.ReleaseSignatureProvider(provider);
            }
        }

        return JwtStatus.JwtVerificationFail;
    }

    /// <summary>True when no key of the set carries the token's kid (so a refetch might find it).</summary>
    public static bool KidUnknown(ParsedJwt jwt, JwksKeys keys) =>
        !string.IsNullOrEmpty(jwt.Kid) && !keys.IsUnavailable && keys.Keys.All(k => !string.IsNullOrEmpty(k.Kid) && k.Kid != jwt.Kid);
}
