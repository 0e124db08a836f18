using System.Net;
using System.Net.Sockets;
using System.Reflection;
using AspireAuth.DevHost.Hosting;
using Microsoft.Playwright;

namespace AspireAuth.Browser.Tests;

/// <summary>
/// The default scenario as <c>dotnet run --project DevHost</c> runs it (gateway, ChatQnA, Keycloak emulator, OAuthProxy,
/// redis-server), on free ports, and one headless Chromium for the class's tests.
/// </summary>
public sealed class BrowserEnvironment : IAsyncLifetime
{
    private IPlaywright? _playwright;

    internal DevEnvironment Environment { get; private set; } = null!;

    internal IBrowser Browser { get; private set; } = null!;

    internal IReadOnlyDictionary<string, int> Ports { get; private set; } = null!;

    /// <summary>The chat UI through the gateway, on the host the CUSTOM oauth2-proxy policy protects.</summary>
    internal string UiUrl => $"http://chatqna.localhost:{Ports["gateway"]}";

    /// <summary>The Keycloak emulator's login endpoint for realm istio.</summary>
    internal string LoginUrl => $"http://localhost:{Ports["keycloak"]}/realms/istio/protocol/openid-connect/auth";

    public async ValueTask InitializeAsync()
    {
        Ports = ServiceCatalog.Known.ToDictionary(s => s.Name, _ => FreePort(), StringComparer.Ordinal);
        Environment = await DevEnvironment.StartAsync(
            new DevEnvironmentOptions { Ports = new Dictionary<string, int>(Ports), ConfigRoot = DefaultConfig, LogLevel = LogLevel.Warning },
            TestContext.Current.CancellationToken);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Environment is not null)
        {
            await Environment.DisposeAsync();
        }
    }

    private static string DefaultConfig => Path.Combine(
        typeof(BrowserEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "config");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
