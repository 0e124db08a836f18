using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.KeycloakEmulator.Tokens;

/// <summary>A realm's RS256 signing key with a stable <c>kid</c> (its JWK thumbprint), optionally kept in a PEM file.</summary>
public sealed class RealmKey
{
    private RealmKey(RSA rsa)
    {
        Rsa = rsa;
        var key = new RsaSecurityKey(rsa);
        KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        SigningKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256);
    }

    public RSA Rsa { get; }

    public string KeyId { get; }

    public RsaSecurityKey SigningKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>A new key, or the one in <c>&lt;keysPath&gt;/&lt;realm&gt;.pem</c> (created on first use).</summary>
    public static RealmKey Create(string realm, string? keysPath)
    {
        var rsa = RSA.Create(2048);
        if (string.IsNullOrEmpty(keysPath))
        {
            return new RealmKey(rsa);
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

        return new RealmKey(rsa);
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
