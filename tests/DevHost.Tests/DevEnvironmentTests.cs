using System.Net;
using System.Text;
using AspireAuth.DevHost.Hosting;
using AspireAuth.TestSupport;

namespace AspireAuth.DevHost.Tests;

public sealed class DevEnvironmentTests
{
    [Fact]
    public async Task StartAsync_DynamicPorts_GatewayStreamsChatQnaAnswer_AndStopReleasesPorts()
    {
        var environment = await DevEnvironment.StartAsync(
            new DevEnvironmentOptions { Ports = DynamicPorts, ConfigRoot = TestConfig.RoutingOnly(), LogLevel = LogLevel.Warning },
            TestContext.Current.CancellationToken);
        int[] bound;
        await using (environment)
        {
            bound = environment.Services.Select(s => s.Url.Port).ToArray();
            Assert.All(environment.Services, s => Assert.NotEqual(s.Definition.DefaultPort, s.Url.Port));

            using var http = new HttpClient { BaseAddress = environment["gateway"].Url };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chatqna")
            {
                Content = new StringContent("""{"messages": "What is the revenue of Nike in 2023?"}""", Encoding.UTF8, "application/json"),
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.StartsWith("data: b", body, StringComparison.Ordinal);
            Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
            Assert.Equal("v1", response.Headers.GetValues("x-chatqna-version").Single());
        }

        Assert.All(bound, port => Assert.False(Ports.IsListening(port), $"port {port} still listening after stop"));
    }

    [Fact]
    public async Task StartAsync_ServicesReceiveAspireServiceDiscoveryKeys()
    {
        await using var environment = await DevEnvironment.StartAsync(
            new DevEnvironmentOptions { Ports = DynamicPorts, ConfigRoot = TestConfig.Default, LogLevel = LogLevel.Warning },
            TestContext.Current.CancellationToken);

        var gatewayConfig = environment["gateway"].App.Configuration;
        var chatqna = environment["chatqna"].Url.GetLeftPart(UriPartial.Authority);
        Assert.Equal(chatqna, gatewayConfig["services:chatqna:http:0"]);
        Assert.Equal(chatqna, gatewayConfig["CHATQNA_HTTP"]);
        Assert.Equal("gateway", gatewayConfig["OTEL_SERVICE_NAME"]);
        Assert.Null(environment["chatqna"].App.Configuration["services:chatqna:http:0"]);
        Assert.Equal(Path.Combine(TestConfig.Default, "istio"), gatewayConfig["Mesh:ConfigPath"]);
        Assert.Equal("istio", environment["chatqna"].App.Configuration["Mesh:Variables:REALM"]);
    }

    [Fact]
    public async Task DefaultScenario_AnonymousRequestThroughGateway_Is403FromTheChatQnaSidecar_WithReason()
    {
        await using var environment = await DevEnvironment.StartAsync(
            new DevEnvironmentOptions { Ports = DynamicPorts, ConfigRoot = TestConfig.Default, LogLevel = LogLevel.Warning },
            TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = environment["gateway"].Url };
        using var response = await http.PostAsync("/v1/chatqna",
            new StringContent("""{"messages": "hi"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("RBAC: access denied", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var explain = response.Headers.GetValues("x-mesh-explain").ToArray();
        Assert.Equal(2, explain.Length);
        Assert.StartsWith("[istio-system:istio=ingressgateway,app=istio-ingressgateway] forwarded by VirtualService chatqa/chatqna-router", explain[0], StringComparison.Ordinal);
        Assert.StartsWith("[chatqa:app=chatqna,version=v1] 403: denied: ALLOW policies apply but none matched", explain[1], StringComparison.Ordinal);
        Assert.Contains("chatqa/fake-jwt-example: from: requestPrincipals wanted [testing@secure.istio.io/testing@secure.istio.io], request had no JWT", explain[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultScenario_FakeJwtWalkthrough_WithTheSampleJwksFromAFile_Group1IsAllowed()
    {
        // The OPEA fake-JWT policy fetches Istio's sample JWKS from GitHub; --jwks-file answers that URI from the file.
        var authn = await File.ReadAllTextAsync(Path.Combine(TestConfig.Default, "istio", "chatQnA_authN_fakejwt.yaml"), TestContext.Current.CancellationToken);
        var jwksUri = System.Text.RegularExpressions.Regex.Match(authn, @"jwksUri:\s*(\S+)").Groups[1].Value;
        await using var environment = await DevEnvironment.StartAsync(
            new DevEnvironmentOptions
            {
                Ports = DynamicPorts,
                ConfigRoot = TestConfig.Default,
                LogLevel = LogLevel.Warning,
                JwksFiles = new Dictionary<string, string> { [jwksUri] = Fixtures.Istio("jwks.json") },
            },
            TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = environment["gateway"].Url };

        async Task<(HttpStatusCode Status, string Body)> AskAsync(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chatqna")
            {
                Content = new StringContent("""{"messages": "hi", "stream": false}""", Encoding.UTF8, "application/json"),
            };
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.OK, (await AskAsync(TestTokens.IstioToken(new() { ["groups"] = "group1" }))).Status);
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(Fixtures.Read("groups-scope.jwt"))).Status);
        Assert.Equal((HttpStatusCode.Forbidden, "RBAC: access denied"), await AskAsync(TestTokens.IstioToken(new() { ["groups"] = "group2" })));
        Assert.Equal((HttpStatusCode.Forbidden, "RBAC: access denied"), await AskAsync(Fixtures.Read("demo.jwt")));
        Assert.Equal((HttpStatusCode.Forbidden, "RBAC: access denied"), await AskAsync(null));
    }

    private static Dictionary<string, int> DynamicPorts =>
        ServiceCatalog.Known.ToDictionary(s => s.Name, _ => 0, StringComparer.Ordinal);
}
