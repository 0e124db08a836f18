#pragma warning disable ASPIRECERTIFICATES001 // HttpsCertificateAnnotation: what WithoutHttpsCertificate leaves.

using AspireAuth.AppHost.Identity;

namespace AspireAuth.AppHost.Tests.Model;

public class IdentityProviderTests
{
    [Fact]
    public async Task Keycloak_IsPlainHttpOnAFixedIssuer_AndImportsTheRealms()
    {
        await using var builder = await AppModel.CreateAsync();
        var keycloak = builder.Resource<KeycloakResource>(ResourceNames.Keycloak);

        var https = Assert.Single(keycloak.Annotations.OfType<HttpsCertificateAnnotation>());
        Assert.False(https.UseDeveloperCertificate); // the primary endpoint stays http: iss is http://localhost:8180/...
        var environment = await keycloak.EnvironmentAsync();
        Assert.Equal("http://localhost:8180", environment["KC_HOSTNAME"]);
        Assert.Equal("true", environment["KC_HOSTNAME_BACKCHANNEL_DYNAMIC"]);
        var arguments = await keycloak.ArgumentsAsync();
        Assert.Contains("start-dev", arguments);
        Assert.Contains("--import-realm", arguments);
        Assert.Equal(
            Directory.Exists(TestPaths.Layout.RealmsDirectory),
            keycloak.Annotations.OfType<ContainerFileSystemCallbackAnnotation>().Any());
    }

    [Fact]
    public async Task Redis_IsPlain_LikeTheRedisServerDevHostRuns()
    {
        await using var builder = await AppModel.CreateAsync();

        var https = Assert.Single(builder.Resource<RedisResource>(ResourceNames.Redis).Annotations.OfType<HttpsCertificateAnnotation>());
        Assert.False(https.UseDeveloperCertificate);
    }

    [Fact]
    public async Task Emulator_ReplacesBothContainers_OnTheSamePortAndIssuer()
    {
        await using var builder = await AppModel.CreateAsync($"{IdentityProviderExtensions.ConfigurationKey}=emulator");

        var emulator = builder.Resource<ProjectResource>(ResourceNames.Keycloak);
        Assert.Empty(builder.Resources.OfType<ContainerResource>());
        Assert.Equal(8180, emulator.HttpEndpoint().Port);
        var environment = await emulator.EnvironmentAsync();
        Assert.Equal("http://localhost:8180", environment[EmulatorSettings.Hostname]);
        Assert.Equal(TestPaths.Layout.RealmsDirectory, environment[EmulatorSettings.RealmsDirectory]);
        var proxy = builder.Resource<ProjectResource>(ResourceNames.OAuthProxy);
        var proxyEnvironment = await proxy.EnvironmentAsync();
        Assert.Equal("cookie", proxyEnvironment[AspireAuthServiceExtensions.SessionStoreTypeVariable]);
        Assert.False(proxyEnvironment.ContainsKey("ConnectionStrings__redis"));
        Assert.Equal(["keycloak"], proxy.WaitsFor());
        Assert.Equal(
            "{keycloak.bindings.http.url}",
            (await builder.Resource<ProjectResource>(ResourceNames.Gateway).EnvironmentAsync())["services__keycloak__http__0"]);
    }

    [Fact]
    public async Task UnknownIdentityProvider_StopsStartup_NamingTheParameter()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => AppModel.CreateAsync($"{IdentityProviderExtensions.ConfigurationKey}=okta"));

        var messages = Flatten(ex).Select(e => e.Message);
        Assert.Contains(messages, m => m.StartsWith("Parameter 'identity-provider' (Parameters:identity-provider) is 'okta'", StringComparison.Ordinal));
    }

    private static IEnumerable<Exception> Flatten(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
