using System.Text;
using System.Text.Json;

namespace AspireAuth.ChatQnaStub.Identity;

/// <summary>
/// Who the request says it is, for addressing the user and recording document owners. Read, in order, from Istio's
/// <c>jwt-parsed</c> payload header, oauth2-proxy's <c>x-auth-request-*</c> headers, or a bearer token decoded without
/// validation. Never used for access decisions: the mesh in front of the service makes those.
/// </summary>
public sealed record RequestIdentity(string? Subject, string DisplayName, string Source)
{
    /// <summary>The payload header OPEA's Keycloak RequestAuthentication outputs.</summary>
    public const string JwtPayloadHeader = "jwt-parsed";

    /// <summary>The identity carried by the request, if any.</summary>
    public static RequestIdentity? From(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var payload = headers[JwtPayloadHeader].ToString();
        if (payload.Length > 0 && FromPayload(payload, JwtPayloadHeader) is { } fromPayload)
        {
            return fromPayload;
        }

        var user = First(headers, "x-auth-request-preferred-username", "x-auth-request-user", "x-auth-request-email");
        if (user is not null)
        {
            var subject = First(headers, "x-auth-request-user") ?? user;
            return new RequestIdentity(subject, user, "x-auth-request headers");
        }

        var authorization = headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            var parts = authorization[Bearer.Length..].Trim().Split('.');
            if (parts.Length == 3)
            {
                return FromPayload(parts[1], "bearer token");
            }
        }

        return null;
    }

    private static RequestIdentity? FromPayload(string encoded, string source)
    {
        try
        {
            var json = Encoding.UTF8.GetString(Base64UrlDecode(encoded));
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var subject = StringClaim(root, "sub");
            var name = StringClaim(root, "preferred_username") ?? StringClaim(root, "email") ?? StringClaim(root, "name") ?? subject;
            return name is null ? null : new RequestIdentity(subject, name, source);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string? StringClaim(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? value.GetString()
            : null;

    private static string? First(IHeaderDictionary headers, params string[] names) =>
        names.Select(n => headers[n].ToString()).FirstOrDefault(v => v.Length > 0);

    /// <summary>Decodes base64url or standard base64, padded or not (Istio sends unpadded base64url).</summary>
    private static byte[] Base64UrlDecode(string value)
    {
        var normalized = value.Trim().Replace('-', '+').Replace('_', '/');
        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        return Convert.FromBase64String(normalized);
    }
}
