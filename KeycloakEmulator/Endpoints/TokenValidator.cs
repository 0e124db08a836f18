using System.Text.Json;
using AspireAuth.KeycloakEmulator.Sessions;
using AspireAuth.KeycloakEmulator.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary>Checks a token this realm issued: signature, issuer, expiry, type, and that its session is still active.</summary>
internal static class TokenValidator
{
    public static async Task<JsonElement?> ValidateAsync(RealmContext context, SessionStore sessions, string? token, string type, DateTimeOffset now, bool requireSession = true)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = type is "Refresh" or "Offline" ? context.Key.RefreshKey : context.Key.SigningKey,
            ValidIssuer = context.Issuer,
            ValidateAudience = false,
            ValidateLifetime = true,
            LifetimeValidator = (nbf, exp, _, _) => exp is null || exp > now.UtcDateTime,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        var root = payload.RootElement.Clone();
        if (!root.TryGetProperty("typ", out var typ) || typ.GetString() != type)
        {
            return null;
        }

        if (root.TryGetProperty("jti", out var jti) && sessions.IsRevoked(jti.GetString()!))
        {
            return null;
        }

        if (requireSession && root.TryGetProperty("sid", out var sid) && sessions.Find(sid.GetString()) is null)
        {
            return null;
        }

        return root;
    }
}
