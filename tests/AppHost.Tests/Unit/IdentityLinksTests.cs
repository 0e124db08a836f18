using AspireAuth.AppHost.Identity;

namespace AspireAuth.AppHost.Tests.Unit;

public class IdentityLinksTests
{
    [Fact]
    public void Keycloak_LinksTheAdminAndEachRealmsAccountConsole()
    {
        var links = IdentityLinks.For(IdentityProviderKind.Keycloak, [RealmSamples.Istio, RealmSamples.NoBrowserClient]);

        Assert.Equal(
            [
                new DashboardLink("/admin/", "Admin console"),
                new DashboardLink("/realms/istio/account", "Account console (istio)"),
                new DashboardLink("/realms/other/account", "Account console (other)"),
            ],
            links);
    }

    [Fact]
    public void Emulator_LinksTheLoginPageOfTheFirstBrowserClientWithAnExactRedirect()
    {
        var links = IdentityLinks.For(IdentityProviderKind.Emulator, [RealmSamples.Istio, RealmSamples.NoBrowserClient]);

        Assert.Equal(
            [
                // "istio" has no redirect URI, "account" only a relative wildcard one: "chatqna" is the first usable client.
                new DashboardLink(
                    "/realms/istio/protocol/openid-connect/auth?client_id=chatqna&response_type=code&scope=openid"
                    + "&redirect_uri=http%3A%2F%2Fchatqna.localhost%3A8080%2Foauth2%2Fcallback",
                    "Login page (istio)"),
                new DashboardLink("/realms/istio/.well-known/openid-configuration", "OpenID configuration (istio)"),
                new DashboardLink("/realms/other/.well-known/openid-configuration", "OpenID configuration (other)"),
            ],
            links);
    }

    [Fact]
    public void NoRealms_KeycloakStillLinksTheAdminConsole_TheEmulatorNothing()
    {
        Assert.Equal([new DashboardLink("/admin/", "Admin console")], IdentityLinks.For(IdentityProviderKind.Keycloak, []));
        Assert.Empty(IdentityLinks.For(IdentityProviderKind.Emulator, []));
    }
}
