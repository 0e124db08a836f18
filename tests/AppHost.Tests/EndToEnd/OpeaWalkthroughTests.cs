using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AspireAuth.AppHost.Identity;
using AspireAuth.AppHost.Tests.Model;

namespace AspireAuth.AppHost.Tests.EndToEnd;

/// <summary>
/// The whole environment started by Aspire (DCP; the Keycloak variant also a container runtime), and the OPEA guide's
/// curl walkthrough through the gateway: no token 403, bob 403, mary 200 with a streamed answer.
/// </summary>
[Trait("Category", "EndToEnd")]
public class OpeaWalkthroughTests
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task WithKeycloakContainer_TheWalkthroughGivesOpeasResults()
    {
        Assert.SkipUnless(
            await ContainerRuntime.IsAvailableAsync(TestContext.Current.CancellationToken),
            $"The Keycloak and Redis containers need a container runtime ('{ContainerRuntime.Name} info' failed).");
        await RunWalkthroughAsync("keycloak");
    }

    [Fact]
    public async Task WithEmulator_TheWalkthroughGivesOpeasResults_WithoutAnyContainer()
    {
        await RunWalkthroughAsync("emulator");
    }

    private static async Task RunWalkthroughAsync(string identityProvider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var realm = RealmExport.LoadDirectory(TestPaths.Layout.RealmsDirectory).SingleOrDefault(r => r.Realm == "istio");
        Assert.NotNull(realm); // the default scenario's realm (config/realms/)
        var client = Assert.IsType<RealmClient>(realm.PasswordGrantClient);

        // Aspire.Hosting.Testing randomizes host ports by default; the issuer (KEYCLOAK_ADDR) names a fixed port, so the
        // sidecars could not fetch the signing keys. The free port offset above already keeps the fixed ports apart.
        await using var builder = await AppModel.CreateAsync(
            $"{HostPorts.OffsetKey}={FreePorts.FindOffset()}",
            $"{IdentityProviderExtensions.ConfigurationKey}={identityProvider}",
            "DcpPublisher:RandomizePorts=false");
        await using var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken).WaitAsync(s_startTimeout, cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cancellationToken)
            .WaitAsync(s_startTimeout, cancellationToken);

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var identity = app.GetEndpoint(ResourceNames.Keycloak, "http");
        var gateway = app.GetEndpoint(ResourceNames.Gateway, "http");

        using var anonymous = await AskAsync(http, gateway, token: null, cancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal("RBAC: access denied", await anonymous.Content.ReadAsStringAsync(cancellationToken));

        var bobToken = await TokenAsync(http, identity, realm, client, "bob", cancellationToken);
        using var bob = await AskAsync(http, gateway, bobToken, cancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, bob.StatusCode);

        var maryToken = await TokenAsync(http, identity, realm, client, "mary", cancellationToken);
        using var mary = await AskAsync(http, gateway, maryToken, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, mary.StatusCode);
        var answer = await mary.Content.ReadAsStringAsync(cancellationToken);
        Assert.StartsWith("data: ", answer, StringComparison.Ordinal);
        Assert.Contains("data: [DONE]", answer, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient http, Uri gateway, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/v1/chatqna"))
        {
            Content = new StringContent("""{"messages": "What is the revenue of Nike in 2023?"}""", Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    // The guide's token step: the password grant with the realm's public client.
    private static async Task<string> TokenAsync(
        HttpClient http, Uri identity, RealmExport realm, RealmClient client, string username, CancellationToken cancellationToken)
    {
        var user = realm.Users.Single(u => u.Username == username);
        using var response = await http.PostAsync(
            new Uri(identity, $"/realms/{realm.Realm}/protocol/openid-connect/token"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = client.ClientId,
                ["username"] = username,
                ["password"] = user.Password!,
                ["scope"] = "openid",
            }),
            cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return json.GetProperty("access_token").GetString()!;
    }
}
