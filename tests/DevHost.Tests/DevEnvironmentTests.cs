using System.Net;
using System.Text;
using AspireAuth.DevHost.Hosting;

namespace AspireAuth.DevHost.Tests;

public sealed class DevEnvironmentTests
{
    [Fact]
    public async Task StartAsync_DynamicPorts_GatewayStreamsChatQnaAnswer_AndStopReleasesPorts()
    {
        var ports = ServiceCatalog.All.ToDictionary(s => s.Name, _ => 0);
        var environment = await DevEnvironment.StartAsync(
            new DevEnvironmentOptions { Ports = ports, LogLevel = LogLevel.Warning },
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
        var ports = ServiceCatalog.All.ToDictionary(s => s.Name, _ => 0);
        await using var environment = await DevEnvironment.StartAsync(
            new DevEnvironmentOptions { Ports = ports, LogLevel = LogLevel.Warning },
            TestContext.Current.CancellationToken);

        var gatewayConfig = environment["gateway"].App.Configuration;
        var chatqna = environment["chatqna"].Url.GetLeftPart(UriPartial.Authority);
        Assert.Equal(chatqna, gatewayConfig["services:chatqna:http:0"]);
        Assert.Equal(chatqna, gatewayConfig["CHATQNA_HTTP"]);
        Assert.Equal("gateway", gatewayConfig["OTEL_SERVICE_NAME"]);
        Assert.Null(environment["chatqna"].App.Configuration["services:chatqna:http:0"]);
    }
}
