using AspireAuth.Mesh.Workloads;

namespace AspireAuth.DevHost.Hosting;

/// <summary>
/// The local side of the configuration: which workloads run, where the Istio YAML is, and the values DevHost gives
/// the <c>${VAR}</c> placeholders (what <c>envsubst</c> gets from the shell in the OPEA guide).
/// </summary>
internal sealed record LocalConfiguration(string? Root, WorkloadCatalog Workloads, IReadOnlyDictionary<string, string> SharedEnvironment)
{
    public static LocalConfiguration None { get; } = new(null, WorkloadCatalog.Empty, new Dictionary<string, string>());

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
            ["CLIENT"] = "istio",
            ["INGRESS_PORT"] = Port("gateway", 8080).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in options.Variables)
        {
            values[key] = value;
        }

        var shared = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Mesh__ConfigPath"] = istio,
            ["Mesh__ExplainResponses"] = "true",
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

        return new LocalConfiguration(root, workloads, shared);
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
