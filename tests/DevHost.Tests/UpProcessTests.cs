using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AspireAuth.DevHost.Tests;

/// <summary>Runs the real <c>aspireauth</c> executable as a user would, then stops it with Ctrl+C (SIGINT).</summary>
public sealed class UpProcessTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Up_ServesStreamedAnswerThroughGateway_AndCtrlCStopsCleanly()
    {
        var gatewayPort = Ports.GetFree();
        var chatqnaPort = Ports.GetFree();
        using var process = AspireAuthProcess.Start($"up --config {TestConfig.RoutingOnly()} --gateway-port {gatewayPort} --chatqna-port {chatqnaPort}");
        try
        {
            await process.WaitForOutputAsync("Press Ctrl+C to stop.", s_timeout);
            Assert.Contains($"http://localhost:{gatewayPort}", process.Output, StringComparison.Ordinal);
            Assert.Contains($"http://localhost:{chatqnaPort}", process.Output, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}") };
            using var content = new StringContent("""{"messages": "hello"}""", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/v1/chatqna", content, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);

            process.Interrupt();
            Assert.Equal(0, await process.WaitForExitAsync(s_timeout));
            Assert.Contains("Stopped.", process.Output, StringComparison.Ordinal);
            Assert.False(Ports.IsListening(gatewayPort));
            Assert.False(Ports.IsListening(chatqnaPort));
        }
        finally
        {
            process.KillIfRunning();
        }
    }

    [Fact]
    public async Task Up_PortInUse_FailsWithOneLineNamingPortAndOption()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var busyPort = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var chatqnaPort = Ports.GetFree();

        using var process = AspireAuthProcess.Start($"up --config {TestConfig.RoutingOnly()} --gateway-port {busyPort} --chatqna-port {chatqnaPort}");
        try
        {
            var exitCode = await process.WaitForExitAsync(s_timeout);

            Assert.Equal(1, exitCode);
            var error = process.Error.Trim();
            Assert.DoesNotContain('\n', error);
            Assert.Equal(
                $"error: port {busyPort} (gateway) is already in use; choose another with --gateway-port <port> or move every port with --port-offset <n>",
                error);
            Assert.False(Ports.IsListening(chatqnaPort), "the services started before the failure must be stopped");
        }
        finally
        {
            process.KillIfRunning();
        }
    }
}
