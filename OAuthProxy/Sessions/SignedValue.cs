using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.OAuthProxy.Sessions;

/// <summary>
/// oauth2-proxy's signed cookie value: <c>value|unixSeconds|base64url(HMAC-SHA256(secret, name + value + timestamp))</c>.
/// Validation checks the signature and that the timestamp is within <c>(now - expire, now + 5 min)</c>.
/// </summary>
internal static class SignedValue
{
    public static string Sign(string secret, string name, string value, DateTimeOffset timestamp)
    {
        var ts = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{value}|{ts}|{Mac(secret, name, value, ts)}";
    }

    public static string? Validate(string secret, string name, string signed, TimeSpan expire, DateTimeOffset now)
    {
        var parts = signed.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(secret, name, parts[0], parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        var created = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (expire > TimeSpan.Zero && (created <= now - expire || created >= now + TimeSpan.FromMinutes(5)))
        {
            return null;
        }

        return parts[0];
    }

    private static string Mac(string secret, string name, string value, string timestamp) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(name + value + timestamp)));
}
