namespace AspireAuth.AppHost.Tests.Model;

/// <summary>The configuration keys each service gets: the ones DevHost gives it in process.</summary>
public class EnvironmentTests
{
    [Fact]
    public async Task Gateway_FindsItsUpstreamsTheIdentityProviderAndOAuthProxyByServiceDiscovery()
    {
        await using var builder = await AppModel.CreateAsync();

        var environment = await builder.Resource<ProjectResource>(ResourceNames.Gateway).EnvironmentAsync();

        Assert.Equal("{chatqna.bindings.http.url}", environment["services__chatqna__http__0"]);
        Assert.Equal("{chatqna-v2.bindings.http.url}", environment["services__chatqna-v2__http__0"]);
        Assert.Equal("{oauth2-proxy.bindings.http.url}", environment["services__oauth2-proxy__http__0"]);
        Assert.Equal("{keycloak.bindings.http.url}", environment["services__keycloak__http__0"]);
        Assert.DoesNotContain(environment.Keys, k => k.StartsWith("services__keycloak__management", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChatQnaInstances_CarryTheirVersions()
    {
        await using var builder = await AppModel.CreateAsync();

        Assert.Equal("v1", (await builder.Resource<ProjectResource>(ResourceNames.ChatQna).EnvironmentAsync())["VERSION"]);
        Assert.Equal("v2", (await builder.Resource<ProjectResource>(ResourceNames.ChatQnaV2).EnvironmentAsync())["VERSION"]);
    }

    [Fact]
    public async Task OAuthProxy_GetsRedisTheIdentityProviderItsConfigFileAndSecrets()
    {
        await using var builder = await AppModel.CreateAsync();
        var proxy = builder.Resource<ProjectResource>(ResourceNames.OAuthProxy);

        var environment = await proxy.EnvironmentAsync();

        Assert.Equal("{redis.connectionString}", environment["ConnectionStrings__redis"]);
        Assert.Equal("{keycloak.bindings.http.url}", environment["services__keycloak__http__0"]);
        Assert.Equal("{oauth2-proxy-cookie-secret.value}", environment["COOKIE_SECRET"]);
        Assert.False(environment.ContainsKey(AspireAuthServiceExtensions.SessionStoreTypeVariable));
        var arguments = await proxy.ArgumentsAsync();
        if (File.Exists(TestPaths.Layout.OAuthProxyConfigFile))
        {
            Assert.Equal([$"--config={TestPaths.Layout.OAuthProxyConfigFile}"], arguments);
        }
        else
        {
            Assert.Empty(arguments);
        }
    }

    [Fact]
    public async Task Services_GetTheLocalValuesAndDevelopment_LikeUnderDevHost()
    {
        await using var builder = await AppModel.CreateAsync();

        foreach (var name in new[] { ResourceNames.Gateway, ResourceNames.ChatQna, ResourceNames.ChatQnaV2, ResourceNames.OAuthProxy })
        {
            var environment = await builder.Resource<ProjectResource>(name).EnvironmentAsync();
            Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal("localhost:8180", environment["KEYCLOAK_ADDR"]);
            Assert.Equal("8080", environment["INGRESS_PORT"]);
        }
    }

    [Fact]
    public async Task Mesh_IsOnWithTheRepositorysIstioYaml_WhenItExists()
    {
        await using var builder = await AppModel.CreateAsync();

        var environment = await builder.Resource<ProjectResource>(ResourceNames.ChatQna).EnvironmentAsync();

        if (Directory.Exists(TestPaths.Layout.IstioDirectory))
        {
            Assert.Equal(TestPaths.Layout.IstioDirectory, environment["Mesh__ConfigPath"]);
            Assert.Equal("true", environment["Mesh__ExplainResponses"]);
            Assert.Equal("localhost:8180", environment["Mesh__Variables__KEYCLOAK_ADDR"]);
            Assert.Equal(File.Exists(TestPaths.Layout.WorkloadsFile), environment.ContainsKey("Mesh__WorkloadsFile"));
        }
        else
        {
            Assert.DoesNotContain(environment.Keys, k => k.StartsWith("Mesh__", StringComparison.Ordinal));
        }
    }
}
