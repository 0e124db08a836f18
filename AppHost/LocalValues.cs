using System.Globalization;
using AspireAuth.AppHost.Identity;

namespace AspireAuth.AppHost;

/// <summary>
/// Local values for the <c>${VAR}</c> placeholders of <c>config/</c> (the OPEA guide's <c>envsubst</c> variables), derived
/// from the fixed ports and the realm exports, as DevHost derives them: <c>KEYCLOAK_ADDR</c>, <c>INGRESS_PORT</c>,
/// <c>REALM</c>, and, when a realm has an oauth2-proxy client (a confidential browser client whose redirect URI ends in
/// <c>/oauth2/callback</c>), <c>CLIENT</c> and <c>URL</c>. Secrets are not among them.
/// </summary>
public sealed record LocalValues(HostPorts Ports, IReadOnlyDictionary<string, string> Variables, RealmClient? OAuthProxyClient)
{
    /// <summary>oauth2-proxy's callback path (its <c>--proxy-prefix</c> default plus <c>/callback</c>).</summary>
    public const string OAuthCallbackPath = "/oauth2/callback";

    /// <summary>The issuer's host and port for everyone (services, curl, the browser): Keycloak or the emulator on its fixed port.</summary>
    public string KeycloakAddress => string.Create(CultureInfo.InvariantCulture, $"localhost:{Ports.Keycloak}");

    /// <summary>The identity provider's frontend URL (Keycloak's <c>hostname</c> option).</summary>
    public string KeycloakUrl => $"http://{KeycloakAddress}";

    /// <summary>The browser's URL of the chat UI through the gateway (<c>URL</c>), or the gateway's root.</summary>
    public string ChatUrl => Variables.TryGetValue("URL", out var url)
        ? url + "/"
        : string.Create(CultureInfo.InvariantCulture, $"http://localhost:{Ports.Gateway}/");

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

        var withClient = realms
            .Select(r => (Realm: r, Client: r.Clients.FirstOrDefault(IsOAuthProxyClient)))
            .FirstOrDefault(x => x.Client is not null);
        var realm = withClient.Realm ?? (realms.Count > 0 ? realms[0] : null);
        if (realm is not null)
        {
            variables["REALM"] = realm.Realm;
        }

        var client = withClient.Client;
        if (client is not null)
        {
            variables["CLIENT"] = client.ClientId;
            var callback = new Uri(client.RedirectUris.First(IsCallback));
            variables["URL"] = callback.GetLeftPart(UriPartial.Authority);
        }

        return new LocalValues(ports, variables, client);
    }

    private static bool IsOAuthProxyClient(RealmClient client) =>
        client.Enabled && !client.PublicClient && client.StandardFlowEnabled && client.RedirectUris.Any(IsCallback);

    private static bool IsCallback(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.EndsWith(OAuthCallbackPath, StringComparison.Ordinal)
        && !redirectUri.Contains('*', StringComparison.Ordinal);
}
