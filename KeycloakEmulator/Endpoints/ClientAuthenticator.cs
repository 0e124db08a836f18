using System.Text;
using AspireAuth.KeycloakEmulator.Realms;

namespace AspireAuth.KeycloakEmulator.Endpoints;

/// <summary>Client authentication at the token, introspection and revocation endpoints: HTTP Basic or form fields.</summary>
internal static class ClientAuthenticator
{
    public static (ClientModel? Client, IResult? Error) Authenticate(RealmModel realm, HttpRequest request, IFormCollection form)
    {
        var (clientId, secret) = FromBasic(request) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        if (string.IsNullOrEmpty(clientId) || !realm.Clients.TryGetValue(clientId, out var client) || !client.Enabled)
        {
            return (null, KeycloakErrors.InvalidClient());
        }

        if (client.BearerOnly)
        {
            return (null, KeycloakErrors.Error(400, "unauthorized_client", "Bearer-only not allowed"));
        }

        if (!client.PublicClient && (string.IsNullOrEmpty(secret) || secret != client.Secret))
        {
            return (null, KeycloakErrors.InvalidClient());
        }

        return (client, null);
    }

    private static (string, string)? FromBasic(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
