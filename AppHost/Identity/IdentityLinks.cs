namespace AspireAuth.AppHost.Identity;

/// <summary>
/// The identity provider's URLs worth a click: Keycloak's account and admin consoles, or the emulator's login page
/// (its authorization endpoint for a browser client of the realm) and discovery document.
/// </summary>
public static class IdentityLinks
{
    /// <summary>The links for each realm, in realm order.</summary>
    public static IReadOnlyList<DashboardLink> For(IdentityProviderKind kind, IReadOnlyList<RealmExport> realms)
    {
        ArgumentNullException.ThrowIfNull(realms);
        var links = new List<DashboardLink>();
        if (kind == IdentityProviderKind.Keycloak)
        {
            links.Add(new DashboardLink("/admin/", "Admin console"));
        }

        foreach (var realm in realms)
        {
            var realmPath = $"/realms/{Uri.EscapeDataString(realm.Realm)}";
            if (kind == IdentityProviderKind.Keycloak)
            {
                links.Add(new DashboardLink($"{realmPath}/account", $"Account console ({realm.Realm})"));
                continue;
            }

            var browserClient = realm.Clients.FirstOrDefault(c =>
                c.Enabled && c.StandardFlowEnabled && c.RedirectUris.Any(IsConcrete));
            if (browserClient is not null)
            {
                var redirectUri = browserClient.RedirectUris.First(IsConcrete);
                links.Add(new DashboardLink(
                    $"{realmPath}/protocol/openid-connect/auth?client_id={Uri.EscapeDataString(browserClient.ClientId)}"
                    + $"&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(redirectUri)}",
                    $"Login page ({realm.Realm})"));
            }

            links.Add(new DashboardLink($"{realmPath}/.well-known/openid-configuration", $"OpenID configuration ({realm.Realm})"));
        }

        return links;
    }

    // Keycloak redirect URIs may end in '*' (prefix match) or be relative; a login link needs an absolute, exact one.
    private static bool IsConcrete(string redirectUri) =>
        !redirectUri.Contains('*', StringComparison.Ordinal) && Uri.TryCreate(redirectUri, UriKind.Absolute, out _);
}
