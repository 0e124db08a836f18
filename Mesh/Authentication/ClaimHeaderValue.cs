using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// The value Envoy's <c>claim_to_headers</c> writes: strings as-is, integral numbers without a fraction, booleans as
/// <c>true</c>/<c>false</c>, objects and lists as base64 of their JSON; nested claims with <c>.</c>.
/// </summary>
internal static class ClaimHeaderValue
{
    public static string? Of(JsonElement payload, string claim)
    {
        var current = payload;
        foreach (var segment in claim.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : current.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Object or JsonValueKind.Array => Convert.ToBase64String(Encoding.UTF8.GetBytes(current.GetRawText())),
            _ => null,
        };
    }
}
