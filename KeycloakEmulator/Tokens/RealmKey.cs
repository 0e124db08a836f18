using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.KeycloakEmulator.Tokens;

/// <summary>
/// A realm's keys: the RS256 signing key with a stable <c>kid</c> (its JWK thumbprint), and the HS512 secret Keycloak
/// signs refresh tokens with (never published); both optionally kept in files so tokens survive a restart.
/// </summary>
public sealed class RealmKey
{
    private RealmKey(RSA rsa, byte[] hmacSecret)
    {
        Rsa = rsa;
        var key = new RsaSecurityKey(rsa);
        KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        SigningKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256);
        RefreshKey = new SymmetricSecurityKey(hmacSecret) { KeyId = new Guid(SHA256.HashData(hmacSecret).AsSpan(0, 16)).ToString() };
        RefreshCredentials = new SigningCredentials(RefreshKey, SecurityAlgorithms.HmacSha512);
    }

    public RSA Rsa { get; }

    public string KeyId { get; }

    public RsaSecurityKey SigningKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The realm's HMAC secret (Keycloak's <c>hmac-generated-hs512</c> key) for refresh tokens.</summary>
    public SymmetricSecurityKey RefreshKey { get; }

    public SigningCredentials RefreshCredentials { get; }

    /// <summary>
    /// New keys, or the ones in <c>&lt;keysPath&gt;/&lt;realm&gt;.pem</c> and <c>&lt;realm&gt;.hs512</c> (created on first use).
    /// </summary>
    public static RealmKey Create(string realm, string? keysPath)
    {
        var rsa = RSA.Create(2048);
        var hmac = RandomNumberGenerator.GetBytes(64);
        if (string.IsNullOrEmpty(keysPath))
        {
            return new RealmKey(rsa, hmac);
        }

        Directory.CreateDirectory(keysPath);
        var file = Path.Combine(keysPath, $"{realm}.pem");
        if (File.Exists(file))
        {
            rsa.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            File.WriteAllText(file, rsa.ExportPkcs8PrivateKeyPem());
        }

        var hmacFile = Path.Combine(keysPath, $"{realm}.hs512");
        if (File.Exists(hmacFile))
        {
            hmac = Convert.FromBase64String(File.ReadAllText(hmacFile).Trim());
        }
        else
        {
            File.WriteAllText(hmacFile, Convert.ToBase64String(hmac));
        }

        return new RealmKey(rsa, hmac);
    }

    /// <summary>The public key as Keycloak's <c>certs</c> endpoint lists it.</summary>
    public object Jwk
    {
        get
        {
            var parameters = Rsa.ExportParameters(false);
            return new Dictionary<string, string>
            {
                ["kid"] = KeyId,
                ["kty"] = "RSA",
                ["alg"] = "RS256",
                ["use"] = "sig",
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        }
    }

    /// <summary>The public key as base64 SubjectPublicKeyInfo (the realm info document's <c>public_key</c>).</summary>
    public string PublicKeyBase64 => Convert.ToBase64String(Rsa.ExportSubjectPublicKeyInfo());
}
