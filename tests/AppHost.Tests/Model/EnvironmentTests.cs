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
    public async Task ChatQnaInstances_CarryTheirVersions_AndV2IsAChatQnaWorkloadLabelledV2()
    {
        await using var builder = await AppModel.CreateAsync();

        var v1 = await builder.Resource<ProjectResource>(ResourceNames.ChatQna).EnvironmentAsync();
        var v2 = await builder.Resource<ProjectResource>(ResourceNames.ChatQnaV2).EnvironmentAsync();

        Assert.Equal("v1", v1["VERSION"]);
        Assert.DoesNotContain(v1.Keys, k => k.StartsWith("Mesh__Labels__", StringComparison.Ordinal)); // from workloads.yaml
        Assert.Equal("v2", v2["VERSION"]);
        Assert.Equal("chatqna", v2["Mesh__Workload"]);
        Assert.Equal("chatqna", v2["Mesh__Labels__app"]);
        Assert.Equal("v2", v2["Mesh__Labels__version"]);
    }

    [Fact]
    public async Task OAuthProxy_GetsRedisTheIdentityProviderItsConfigFileAndSecrets()
    {
        await using var builder = await AppModel.CreateAsync();
        var proxy = builder.Resource<ProjectResource>(ResourceNames.OAuthProxy);

        var environment = await proxy.EnvironmentAsync();

        Assert.Equal("{redis.connectionString}", environment["ConnectionStrings__redis"]);
        Assert.Equal("{keycloak.bindings.http.url}", environment["services__keycloak__http__0"]);
        Assert.Equal("{oauth2-proxy-cookie-secret.value}", environment["OAUTH2_PROXY_COOKIE_SECRET"]);
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
    public async Task Services_RunInDevelopment_LikeUnderDevHost()
    {
        await using var builder = await AppModel.CreateAsync();

        foreach (var name in new[] { ResourceNames.Gateway, ResourceNames.ChatQna, ResourceNames.ChatQnaV2, ResourceNames.OAuthProxy })
        {
            var environment = await builder.Resource<ProjectResource>(name).EnvironmentAsync();
            Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
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
            // DevHost's values for the OPEA placeholders.
            Assert.Equal("localhost:8180", environment["Mesh__Variables__KEYCLOAK_ADDR"]);
            Assert.Equal("8080", environment["Mesh__Variables__INGRESS_PORT"]);
            Assert.Equal("istio", environment["Mesh__Variables__REALM"]);
            // CLIENT is oauth2-proxy's client (allowed_roles = ${CLIENT}:user), as DevHost's LocalConfiguration gives it.
            Assert.Equal("chatqna", environment["Mesh__Variables__CLIENT"]);
            Assert.Equal(File.Exists(TestPaths.Layout.WorkloadsFile), environment.ContainsKey("Mesh__WorkloadsFile"));
        }
        else
        {
            Assert.DoesNotContain(environment.Keys, k => k.StartsWith("Mesh__", StringComparison.Ordinal));
        }
    }
}
