using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AspireAuth.AppHost.Identity;

/// <summary>
/// Turns the token endpoint's answer to a password grant into what the dashboard shows: the access token and its
/// decoded claims, or the identity provider's error (<c>error</c>/<c>error_description</c>, as Keycloak sends them).
/// </summary>
public static class TokenResponseFormatter
{
    // Shown to a person, not embedded in HTML: names and emails stay readable (no \u escapes).
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formats the token endpoint's response for <paramref name="username"/>.</summary>
    public static TokenCommandResult Format(string username, string realm, string clientId, HttpStatusCode status, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new TokenCommandResult(false, $"The token endpoint answered {(int)status} with a body that is not JSON.", null);
        }

        if (status != HttpStatusCode.OK || json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("access_token", out var tokenElement) || tokenElement.ValueKind != JsonValueKind.String)
        {
            return new TokenCommandResult(false, $"No token for {username}: {Describe(status, json)}", null);
        }

        var token = tokenElement.GetString()!;
        string claims;
        try
        {
            claims = DecodeClaims(token);
        }
        catch (FormatException ex)
        {
            return new TokenCommandResult(false, $"The access token for {username} is not a JWT: {ex.Message}", null);
        }

        var expiresIn = json.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds)
            ? string.Create(CultureInfo.InvariantCulture, $", expires in {seconds} s")
            : string.Empty;
        var markdown = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Access token for **{username}** (realm `{realm}`, client `{clientId}`{expiresIn}):\n\n")
            .Append("```text\n").Append(token).Append("\n```\n\n")
            .Append("Claims:\n\n")
            .Append("```json\n").Append(claims).Append("\n```\n\n")
            .Append("Send it through the gateway as `Authorization: Bearer <token>`.\n")
            .ToString();
        return new TokenCommandResult(true, $"Token issued for {username}.", markdown);
    }

    /// <summary>The JWT's payload, indented; <see cref="FormatException"/> when it is not a JWT.</summary>
    public static string DecodeClaims(string jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException($"expected 3 dot-separated parts, found {parts.Length}");
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            return JsonSerializer.Serialize(payload.RootElement, s_indented);
        }
        catch (JsonException ex)
        {
            throw new FormatException("the payload is not JSON", ex);
        }
    }

    private static byte[] Base64UrlDecode(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return Convert.FromBase64String(base64);
    }

    private static string Describe(HttpStatusCode status, JsonElement json)
    {
        var error = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var e) ? e.ToString() : null;
        var description = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error_description", out var d) ? d.ToString() : null;
        return (error, description) switch
        {
            (null, _) => $"{(int)status} without an access_token",
            (_, null) => $"{(int)status} {error}",
            _ => $"{(int)status} {error}: {description}",
        };
    }
}
