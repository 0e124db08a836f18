namespace AspireAuth.AppHost.Tests.Model;

public class ResourceTests
{
    private static readonly string[] s_projects =
        [ResourceNames.ChatQna, ResourceNames.ChatQnaV2, ResourceNames.OAuthProxy, ResourceNames.Gateway];

    [Fact]
    public async Task Default_HasKeycloakAndRedisContainersAndTheFourServices()
    {
        await using var builder = await AppModel.CreateAsync();

        builder.Resource<KeycloakResource>(ResourceNames.Keycloak);
        builder.Resource<RedisResource>(ResourceNames.Redis);
        Assert.All(s_projects, name => builder.Resource<ProjectResource>(name));
        Assert.Equal(
            ["chatqna", "chatqna-v2", "gateway", "keycloak", "oauth2-proxy", "redis"],
            builder.AppResources().Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ports_AreDevHostsDefaults_AndOnlyTheGatewayIsExternal()
    {
        await using var builder = await AppModel.CreateAsync();

        var gateway = builder.Resource<ProjectResource>(ResourceNames.Gateway).HttpEndpoint();
        Assert.Equal((8080, true, "http"), (gateway.Port, gateway.IsExternal, gateway.UriScheme));
        Assert.Equal(8888, builder.Resource<ProjectResource>(ResourceNames.ChatQna).HttpEndpoint().Port);
        Assert.Equal(8889, builder.Resource<ProjectResource>(ResourceNames.ChatQnaV2).HttpEndpoint().Port);
        Assert.Equal(8180, builder.Resource<KeycloakResource>(ResourceNames.Keycloak).HttpEndpoint().Port);
        Assert.Equal(4180, builder.Resource<ProjectResource>(ResourceNames.OAuthProxy).HttpEndpoint().Port);
        Assert.All(
            builder.AppResources().Where(r => r.Name != ResourceNames.Gateway).SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()),
            e => Assert.False(e.IsExternal, $"{e.Name} should not be external"));
    }

    [Fact]
    public async Task PortOffset_MovesEveryFixedPortAndTheIssuer()
    {
        await using var builder = await AppModel.CreateAsync("AspireAuth:PortOffset=1000");

        Assert.Equal(9080, builder.Resource<ProjectResource>(ResourceNames.Gateway).HttpEndpoint().Port);
        Assert.Equal(9888, builder.Resource<ProjectResource>(ResourceNames.ChatQna).HttpEndpoint().Port);
        Assert.Equal(9180, builder.Resource<KeycloakResource>(ResourceNames.Keycloak).HttpEndpoint().Port);
        Assert.Equal(5180, builder.Resource<ProjectResource>(ResourceNames.OAuthProxy).HttpEndpoint().Port);
        var keycloak = await builder.Resource<KeycloakResource>(ResourceNames.Keycloak).EnvironmentAsync();
        Assert.Equal("http://localhost:9180", keycloak["KC_HOSTNAME"]);
        Assert.Equal(9889, builder.Resource<ProjectResource>(ResourceNames.ChatQnaV2).HttpEndpoint().Port);
        var gateway = await builder.Resource<ProjectResource>(ResourceNames.Gateway).EnvironmentAsync();
        if (Directory.Exists(TestPaths.Layout.IstioDirectory))
        {
            Assert.Equal("localhost:9180", gateway["Mesh__Variables__KEYCLOAK_ADDR"]);
            Assert.Equal("9080", gateway["Mesh__Variables__INGRESS_PORT"]);
        }
    }

    [Fact]
    public async Task EveryResource_HasAHealthCheck()
    {
        await using var builder = await AppModel.CreateAsync();

        Assert.All(
            builder.AppResources(),
            r => Assert.NotEmpty(r.Annotations.OfType<HealthCheckAnnotation>()));
    }

    [Fact]
    public async Task StartOrder_FollowsTheReferences()
    {
        await using var builder = await AppModel.CreateAsync();

        Assert.Equal(
            ["chatqna", "chatqna-v2", "keycloak", "oauth2-proxy"],
            builder.Resource<ProjectResource>(ResourceNames.Gateway).WaitsFor());
        Assert.Equal(["keycloak", "redis"], builder.Resource<ProjectResource>(ResourceNames.OAuthProxy).WaitsFor());
        Assert.Empty(builder.Resource<ProjectResource>(ResourceNames.ChatQna).WaitsFor());
    }
}
