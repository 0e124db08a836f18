using AspireAuth.ChatQnaStub;
using AspireAuth.Gateway;
using AspireAuth.KeycloakEmulator;
using AspireAuth.Mesh.Workloads;
using AspireAuth.OAuthProxy;

namespace AspireAuth.DevHost.Hosting;

/// <summary>
/// The services DevHost can host, and the ones a configuration's workload declarations ask for, in start order (a
/// service starts after those it references; the gateway, which references every service it routes to, last).
/// </summary>
internal static class ServiceCatalog
{
    /// <summary>The services with a port option, whether or not a configuration declares them.</summary>
    public static IReadOnlyList<(string Name, string DisplayName, int DefaultPort)> Known { get; } =
    [
        (GatewayApplication.ResourceName, "Gateway", GatewayApplication.DefaultPort),
        (ChatQnaStubApplication.ResourceName, "ChatQnA", ChatQnaStubApplication.DefaultPort),
        ("chatqna-v2", "ChatQnA v2", ChatQnaStubApplication.DefaultPort + 1),
        (KeycloakEmulatorApplication.ResourceName, "Keycloak", KeycloakEmulatorApplication.DefaultPort),
        (OAuthProxyApplication.ResourceName, "OAuthProxy", OAuthProxyApplication.DefaultPort),
        ("redis", "Redis", 6379),
    ];

    /// <summary>The services for <paramref name="workloads"/> (gateway and ChatQnA when nothing is declared).</summary>
    public static IReadOnlyList<ServiceDefinition> For(WorkloadCatalog workloads, LocalConfiguration? config = null)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        var declared = workloads.Workloads.Count > 0
            ? workloads.Workloads.Select(w => (w.Name, Labels: w.Labels)).ToArray()
            : [(GatewayApplication.ResourceName, new Dictionary<string, string>()), (ChatQnaStubApplication.ResourceName, new Dictionary<string, string>())];

        var services = new List<ServiceDefinition>();
        if (declared.Any(d => d.Name == KeycloakEmulatorApplication.ResourceName))
        {
            services.Add(new ServiceDefinition(KeycloakEmulatorApplication.ResourceName, "Keycloak", "KeycloakEmulator", KeycloakEmulatorApplication.DefaultPort,
                KeycloakEmulatorApplication.Build, [], "Keycloak-compatible emulator: /realms/istio (mary/mary, bob/bob)", new Dictionary<string, string>()));
        }

        foreach (var (name, labels) in declared.Where(d => d.Name != GatewayApplication.ResourceName))
        {
            if (name == ChatQnaStubApplication.ResourceName || name.StartsWith(ChatQnaStubApplication.ResourceName + "-", StringComparison.Ordinal))
            {
                var version = labels.TryGetValue("version", out var v) ? v : "v1";
                services.Add(new ServiceDefinition(name, name == ChatQnaStubApplication.ResourceName ? "ChatQnA" : $"ChatQnA {version}", "ChatQnaStub",
                    DefaultPort(name), ChatQnaStubApplication.Build, [], $"ChatQnA megaservice stand-in {version} (POST /v1/chatqna, /v1/dataprep/*)",
                    new Dictionary<string, string> { ["VERSION"] = version }));
            }
        }

        if (config?.OAuthProxyConfig is { } cfg)
        {
            var proxyEnvironment = new Dictionary<string, string>
            {
                ["OAUTH2_PROXY_COOKIE_SECRET"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_'),
            };
            if (config.OAuthProxyClientSecret is { } secret)
            {
                proxyEnvironment["OAUTH2_PROXY_CLIENT_SECRET"] = secret;
            }

            if (config.RedisPort is null)
            {
                proxyEnvironment["OAUTH2_PROXY_SESSION_STORE_TYPE"] = "cookie";
            }

            services.Add(new ServiceDefinition(OAuthProxyApplication.ResourceName, "OAuthProxy", "OAuthProxy", OAuthProxyApplication.DefaultPort, OAuthProxyApplication.Build,
                [], config.RedisPort is null ? "oauth2-proxy equivalent (cookie sessions: redis-server not found)" : "oauth2-proxy equivalent (sessions in redis-server)",
                proxyEnvironment, [$"--config={cfg}"]));
        }

        if (declared.Any(d => d.Name == GatewayApplication.ResourceName))
        {
            services.Add(new ServiceDefinition(GatewayApplication.ResourceName, "Gateway", "Gateway", GatewayApplication.DefaultPort, GatewayApplication.Build,
                services.Select(s => s.Name).ToArray(), "ingress gateway: chat UI and API, Istio policies enforced",
                new Dictionary<string, string>()));
        }

        return services;
    }

    public static int DefaultPort(string name) =>
        Known.Where(k => k.Name == name).Select(k => k.DefaultPort).DefaultIfEmpty(0).First();
}
