using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.TestSupport;

/// <summary>Real RSA keys and signed tokens: Istio's sample key (fixtures) and freshly generated ones.</summary>
public sealed class TestTokens
{
    public const string IstioIssuer = "testing@secure.istio.io";
    public const string IstioKid = "DHFbpoIUqrY8t2zpA2qXfCmr5VO5ZEr4RzHU_-envvQ";

    private static readonly Lazy<TestTokens> s_istio = new(() =>
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Fixtures.Istio("key.pem")));
        return new TestTokens(rsa, IstioKid);
    });

    private readonly RSA _rsa;

    public TestTokens(RSA rsa, string kid)
    {
        _rsa = rsa;
        Kid = kid;
    }

    /// <summary>Istio's documentation key (security/tools/jwt/samples/key.pem).</summary>
    public static TestTokens Istio => s_istio.Value;

    public static TestTokens Generate(string kid) => new(RSA.Create(2048), kid);

    public string Kid { get; }

    /// <summary>The public JWKS of this key, as a JSON string.</summary>
    public string Jwks
    {
        get
        {
            var parameters = _rsa.ExportParameters(false);
            return JsonSerializer.Serialize(new
            {
                keys = new[]
                {
                    new { kty = "RSA", kid = Kid, e = Base64UrlEncoder.Encode(parameters.Exponent), n = Base64UrlEncoder.Encode(parameters.Modulus) },
                },
            });
        }
    }

    /// <summary>Signs a token with these claims (RS256; header kid set unless <paramref name="kid"/> overrides it).</summary>
    public string Sign(object claims, string? kid = null, string alg = SecurityAlgorithms.RsaSha256)
    {
        var key = new RsaSecurityKey(_rsa) { KeyId = kid ?? Kid };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(key, alg));
    }

    /// <summary>A token from Istio's issuer with the given extra claims, expiring far in the future.</summary>
    public static string IstioToken(Dictionary<string, object> extra)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = IstioIssuer,
            ["sub"] = IstioIssuer,
            ["exp"] = 4685989700,
        };
        foreach (var (k, v) in extra)
        {
            claims[k] = v;
        }

        return Istio.Sign(claims);
    }
}
