using System.Globalization;
using AspireAuth.AppHost.Identity;

namespace AspireAuth.AppHost;

/// <summary>
/// Local values for the <c>${VAR}</c> placeholders of <c>config/</c> (the OPEA guide's <c>envsubst</c> variables), as
/// DevHost gives them (<c>Mesh__Variables__*</c>): <c>KEYCLOAK_ADDR</c> and <c>INGRESS_PORT</c> from the fixed ports,
/// <c>REALM</c> and <c>CLIENT</c> from the realm exports (for the default scenario: <c>istio</c> and <c>istio</c>).
/// Also the realm's oauth2-proxy client (a confidential browser client whose redirect URI ends in
/// <c>/oauth2/callback</c>), whose host is where the chat UI is opened.
/// </summary>
public sealed record LocalValues(HostPorts Ports, IReadOnlyDictionary<string, string> Variables, RealmClient? OAuthProxyClient)
{
    /// <summary>oauth2-proxy's callback path (its <c>--proxy-prefix</c> default plus <c>/callback</c>).</summary>
    public const string OAuthCallbackPath = "/oauth2/callback";

    /// <summary>The issuer's host and port for everyone (services, curl, the browser): Keycloak or the emulator on its fixed port.</summary>
    public string KeycloakAddress => string.Create(CultureInfo.InvariantCulture, $"localhost:{Ports.Keycloak}");

    /// <summary>The identity provider's frontend URL (Keycloak's <c>hostname</c> option).</summary>
    public string KeycloakUrl => $"http://{KeycloakAddress}";

    /// <summary>
    /// The chat UI through the gateway: the host of the oauth2-proxy client's callback (e.g. <c>chatqna.localhost</c>, where
    /// the gateway's CUSTOM policy sends the browser to sign in) on the gateway's port, else the gateway's root.
    /// </summary>
    public string ChatUrl
    {
        get
        {
            var callback = OAuthProxyClient?.RedirectUris.FirstOrDefault(IsCallback);
            var host = callback is null ? "localhost" : new Uri(callback).Host;
            return string.Create(CultureInfo.InvariantCulture, $"http://{host}:{Ports.Gateway}/");
        }
    }

    /// <summary>The values for the given realm exports and ports.</summary>
    public static LocalValues From(IReadOnlyList<RealmExport> realms, HostPorts ports)
    {
        ArgumentNullException.ThrowIfNull(realms);
        ArgumentNullException.ThrowIfNull(ports);
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["KEYCLOAK_ADDR"] = string.Create(CultureInfo.InvariantCulture, $"localhost:{ports.Keycloak}"),
            ["INGRESS_PORT"] = ports.Gateway.ToString(CultureInfo.InvariantCulture),
        };

        var realm = realms.FirstOrDefault(r => r.Clients.Any(IsOAuthProxyClient)) ?? (realms.Count > 0 ? realms[0] : null);
        var oauthProxyClient = realm?.Clients.FirstOrDefault(IsOAuthProxyClient);
        if (realm is not null)
        {
            variables["REALM"] = realm.Realm;

            // As DevHost: CLIENT is the client oauth2-proxy signs in with (allowed_roles = ${CLIENT}:user), else the
            // password-grant client.
            if ((oauthProxyClient ?? realm.PasswordGrantClient) is { } client)
            {
                variables["CLIENT"] = client.ClientId;
            }
        }

        var values = new LocalValues(ports, variables, oauthProxyClient);
        if (oauthProxyClient is not null)
        {
            var chat = new Uri(values.ChatUrl);
            variables["UI_HOST"] = chat.Authority;
            variables["URL"] = chat.GetLeftPart(UriPartial.Authority);
        }

        return values;
    }

    private static bool IsOAuthProxyClient(RealmClient client) =>
        client.Enabled && !client.PublicClient && client.StandardFlowEnabled && client.RedirectUris.Any(IsCallback);

    private static bool IsCallback(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.EndsWith(OAuthCallbackPath, StringComparison.Ordinal)
        && !redirectUri.Contains('*', StringComparison.Ordinal);
}
