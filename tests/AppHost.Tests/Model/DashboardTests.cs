using AspireAuth.AppHost.Identity;

namespace AspireAuth.AppHost.Tests.Model;

/// <summary>What the dashboard offers: URLs and commands.</summary>
public class DashboardTests
{
    [Fact]
    public async Task Gateway_HasTheMeshCommandsAndTheChatUrl()
    {
        await using var builder = await AppModel.CreateAsync();
        var gateway = builder.Resource<ProjectResource>(ResourceNames.Gateway);

        Assert.Equal([GatewayCommandExtensions.ReloadCommand, GatewayCommandExtensions.DecisionsCommand], gateway.CommandNames().Where(n => n.StartsWith("mesh-", StringComparison.Ordinal)));
        var urls = await UrlsAsync(gateway, 8080);
        var values = LocalValues.From(RealmExport.LoadDirectory(TestPaths.Layout.RealmsDirectory), HostPorts.Default);
        Assert.Contains(urls, u => u.Url == values.ChatUrl && u.DisplayText == "Chat UI (sign in)");
    }

    [Fact]
    public async Task Keycloak_HasATokenCommandPerRealmUserWithAPassword_AndItsConsoles()
    {
        await using var builder = await AppModel.CreateAsync();
        var keycloak = builder.Resource<KeycloakResource>(ResourceNames.Keycloak);
        var realms = RealmExport.LoadDirectory(TestPaths.Layout.RealmsDirectory);

        var expected = realms
            .Where(r => r.PasswordGrantClient is not null)
            .SelectMany(r => r.UsersWithPasswords.Select(u => TokenCommandExtensions.CommandName(r.Realm, u.Username)));
        Assert.Equal(expected, keycloak.CommandNames().Where(n => n.StartsWith("token-", StringComparison.Ordinal)));
        if (realms.Any(r => r.Realm == "istio"))
        {
            // The default scenario: OPEA's mary (allowed) and bob (refused).
            Assert.Contains("token-istio-mary", keycloak.CommandNames());
            Assert.Contains("token-istio-bob", keycloak.CommandNames());
        }

        var urls = await UrlsAsync(keycloak, 8180);
        Assert.Contains(urls, u => u.Url == "http://localhost:8180/admin/" && u.DisplayText == "Admin console");
        Assert.All(realms, r => Assert.Contains(urls, u => u.Url == $"http://localhost:8180/realms/{r.Realm}/account"));
    }

    [Fact]
    public async Task Emulator_HasTheSameTokenCommands()
    {
        await using var keycloakBuilder = await AppModel.CreateAsync();
        await using var emulatorBuilder = await AppModel.CreateAsync($"{IdentityProviderExtensions.ConfigurationKey}=emulator");

        Assert.Equal(
            keycloakBuilder.Resource<KeycloakResource>(ResourceNames.Keycloak).CommandNames().Where(n => n.StartsWith("token-", StringComparison.Ordinal)),
            emulatorBuilder.Resource<ProjectResource>(ResourceNames.Keycloak).CommandNames().Where(n => n.StartsWith("token-", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The resource's static URLs plus those its URL callbacks add, run as the orchestrator runs them once the http
    /// endpoint has its port.
    /// </summary>
    private static async Task<List<ResourceUrlAnnotation>> UrlsAsync(IResourceWithEndpoints resource, int port)
    {
        var endpoint = resource.HttpEndpoint();
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
        var context = new ResourceUrlsCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource);
        foreach (var callback in resource.Annotations.OfType<ResourceUrlsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return [.. resource.Annotations.OfType<ResourceUrlAnnotation>(), .. context.Urls];
    }
}
