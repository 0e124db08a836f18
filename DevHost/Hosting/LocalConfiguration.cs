using AspireAuth.Mesh.Workloads;

namespace AspireAuth.DevHost.Hosting;

/// <summary>
/// The local side of the configuration: which workloads run, where the Istio YAML is, and the values DevHost gives
/// the <c>${VAR}</c> placeholders (what <c>envsubst</c> gets from the shell in the OPEA guide).
/// </summary>
internal sealed record LocalConfiguration(string? Root, WorkloadCatalog Workloads, IReadOnlyDictionary<string, string> SharedEnvironment)
{
    public static LocalConfiguration None { get; } = new(null, WorkloadCatalog.Empty, new Dictionary<string, string>());

    /// <summary>Where DevHost runs redis-server for oauth2-proxy sessions; null without oauth2-proxy or without redis-server.</summary>
    public int? RedisPort { get; init; }

    /// <summary>oauth2-proxy's config file (<c>oauth2-proxy/oauth2-proxy.cfg</c>), when the configuration has one.</summary>
    public string? OAuthProxyConfig { get; init; }

    /// <summary>The secret of the realm client oauth2-proxy uses (from the realm export, as the AppHost reads it).</summary>
    public string? OAuthProxyClientSecret { get; init; }

    public string? IstioPath => Root is null ? null : Path.Combine(Root, "istio");

    public static LocalConfiguration Resolve(DevEnvironmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConfigRoot is null)
        {
            return None;
        }

        var root = Path.GetFullPath(options.ConfigRoot);
        var istio = Path.Combine(root, "istio");
        if (!Directory.Exists(istio))
        {
            throw new DirectoryNotFoundException($"{root} has no istio/ folder of Istio YAML");
        }

        var workloadsFile = Path.Combine(root, "workloads.yaml");
        var workloads = File.Exists(workloadsFile) ? WorkloadCatalog.Load(workloadsFile) : WorkloadCatalog.Empty;
        int Port(string name, int fallback) => options.Ports.TryGetValue(name, out var p) && p != 0 ? p : fallback;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KEYCLOAK_ADDR"] = $"localhost:{Port("keycloak", 8180)}",
            ["REALM"] = "istio",
            ["CLIENT"] = "chatqna",
            ["INGRESS_PORT"] = Port("gateway", 8080).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["UI_HOST"] = $"chatqna.localhost:{Port("gateway", 8080)}",
            ["URL"] = $"http://chatqna.localhost:{Port("gateway", 8080)}",
            ["REDIS_ADDR"] = $"localhost:{Port("redis", 6379)}",
        };
        foreach (var (key, value) in options.Variables)
        {
            values[key] = value;
        }

        var shared = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mesh__ConfigPath"] = istio,
            ["Mesh__ExplainResponses"] = "true",
            ["Mesh__AdminEndpoints"] = "true",
        };
        if (File.Exists(workloadsFile))
        {
            shared["Mesh__WorkloadsFile"] = workloadsFile;
        }

        // A sample without its own realms/ uses the repository's default realm.
        var realms = Path.Combine(root, "realms");
        if (!Directory.Exists(realms) && FindDefaultRoot() is { } defaultRoot)
        {
            realms = Path.Combine(defaultRoot, "realms");
        }

        if (Directory.Exists(realms))
        {
            shared["Keycloak__RealmsPath"] = realms;
        }

        foreach (var (key, value) in values)
        {
            shared[$"Mesh__Variables__{key}"] = value;
        }

        var jwksIndex = 0;
        foreach (var (uri, file) in options.JwksFiles)
        {
            shared[$"Mesh__JwksFiles__{jwksIndex++}"] = $"{uri}={file}";
        }

        var cfg = Path.Combine(root, "oauth2-proxy", "oauth2-proxy.cfg");
        var wantsProxy = workloads.Find("oauth2-proxy") is not null && File.Exists(cfg);
        return new LocalConfiguration(root, workloads, shared)
        {
            OAuthProxyConfig = wantsProxy ? cfg : null,
            OAuthProxyClientSecret = wantsProxy ? ClientSecret(realms, values["CLIENT"]) : null,
            RedisPort = wantsProxy && RedisProcess.Executable is not null ? Port("redis", 6379) : null,
        };
    }

    private static string? ClientSecret(string realms, string client)
    {
        if (!Directory.Exists(realms))
        {
            return null;
        }

        return Directory.EnumerateFiles(realms, "*.json")
            .Select(f => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(f)))
            .SelectMany(r => r?["clients"]?.AsArray() ?? [])
            .Where(c => c?["clientId"]?.GetValue<string>() == client)
            .Select(c => c?["secret"]?.GetValue<string>())
            .FirstOrDefault(s => s is not null);
    }

    /// <summary>The default configuration folder: <c>config/</c> in the current directory or one of its parents.</summary>
    public static string? FindDefaultRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config");
            if (Directory.Exists(Path.Combine(candidate, "istio")))
            {
                return candidate;
            }
        }

        return null;
    }
}
