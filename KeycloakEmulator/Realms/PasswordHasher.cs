using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Konscious.Security.Cryptography;

namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>
/// Checks passwords against a user's credentials: plain <c>value</c> (as exports for development carry them) or
/// Keycloak's stored form (<c>secretData</c> value+salt, <c>credentialData</c> algorithm and parameters) for
/// pbkdf2 (SHA-1), pbkdf2-sha256, pbkdf2-sha512 and argon2 (Keycloak 26's default).
/// </summary>
internal static class PasswordHasher
{
    public static bool Verify(CredentialModel credential, string password)
    {
        if (credential.Value is not null)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential.Value), Encoding.UTF8.GetBytes(password));
        }

        if (!TryRead(credential, out var stored, out var salt, out var algorithm, out var iterations, out var parameters))
        {
            return false;
        }

        var computed = algorithm switch
        {
            "pbkdf2" => Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA1, stored.Length),
            "pbkdf2-sha256" => Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, stored.Length),
            "pbkdf2-sha512" => Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, stored.Length),
            "argon2" => Argon2(password, salt, parameters, stored.Length),
            _ => [],
        };
        return computed.Length == stored.Length && CryptographicOperations.FixedTimeEquals(computed, stored);
    }

    /// <summary>Why a credential cannot be used; null when it can.</summary>
    public static string? Validate(CredentialModel credential)
    {
        if (credential.Value is not null)
        {
            return null;
        }

        if (credential.SecretData is null || credential.CredentialData is null)
        {
            return "a password credential needs 'value', or 'secretData' and 'credentialData'";
        }

        if (!TryRead(credential, out _, out _, out var algorithm, out _, out _))
        {
            return "secretData/credentialData are not Keycloak's password credential JSON";
        }

        return algorithm is "pbkdf2" or "pbkdf2-sha256" or "pbkdf2-sha512" or "argon2"
            ? null
            : $"credentialData.algorithm '{algorithm}' is not supported (pbkdf2, pbkdf2-sha256, pbkdf2-sha512, argon2)";
    }

    /// <summary>Keycloak's stored form of a pbkdf2-sha256 hash, for tests and hashed exports.</summary>
    public static CredentialModel HashPbkdf2Sha256(string password, int iterations = 27500)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return new CredentialModel("password", null,
            JsonSerializer.Serialize(new { value = Convert.ToBase64String(hash), salt = Convert.ToBase64String(salt), additionalParameters = new { } }),
            JsonSerializer.Serialize(new { hashIterations = iterations, algorithm = "pbkdf2-sha256", additionalParameters = new { } }));
    }

    private static byte[] Argon2(string password, byte[] salt, IReadOnlyDictionary<string, string> parameters, int length)
    {
        int P(string key, int fallback) => parameters.TryGetValue(key, out var v) && int.TryParse(v, out var n) ? n : fallback;
        using Argon2 argon = (parameters.TryGetValue("type", out var type) ? type : "id") switch
        {
            "d" => new Argon2d(Encoding.UTF8.GetBytes(password)),
            "i" => new Argon2i(Encoding.UTF8.GetBytes(password)),
            _ => new Argon2id(Encoding.UTF8.GetBytes(password)),
        };
        argon.Salt = salt;
        argon.Iterations = P("iterations", 5);
        argon.MemorySize = P("memory", 7168);
        argon.DegreeOfParallelism = P("parallelism", 1);
        return argon.GetBytes(P("hashLength", length));
    }

    private static bool TryRead(CredentialModel credential, out byte[] stored, out byte[] salt, out string algorithm, out int iterations, out IReadOnlyDictionary<string, string> parameters)
    {
        stored = [];
        salt = [];
        algorithm = string.Empty;
        iterations = 0;
        parameters = new Dictionary<string, string>();
        try
        {
            using var secret = JsonDocument.Parse(credential.SecretData ?? "{}");
            using var data = JsonDocument.Parse(credential.CredentialData ?? "{}");
            stored = Convert.FromBase64String(secret.RootElement.GetProperty("value").GetString()!);
            salt = secret.RootElement.TryGetProperty("salt", out var s) && s.ValueKind == JsonValueKind.String ? Convert.FromBase64String(s.GetString()!) : [];
            algorithm = data.RootElement.GetProperty("algorithm").GetString()!;
            iterations = data.RootElement.TryGetProperty("hashIterations", out var it) && it.TryGetInt32(out var n) ? n : 27500;
            if (data.RootElement.TryGetProperty("additionalParameters", out var extra) && extra.ValueKind == JsonValueKind.Object)
            {
                parameters = extra.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().FirstOrDefault().ToString() : p.Value.ToString(),
                    StringComparer.Ordinal);
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}
