namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>
/// The <c>Mesh</c> configuration section: where the Istio YAML is, which workload this process is, and how decisions
/// are shown. Without <see cref="ConfigPath"/> the mesh is off (no sidecar), like a pod without injection.
/// </summary>
public sealed class MeshOptions
{
    public const string SectionName = "Mesh";

    /// <summary>Files or folders of Istio YAML, separated by <c>;</c> (e.g. <c>config/istio</c>).</summary>
    public string? ConfigPath { get; set; }

    /// <summary>The workload declarations (<c>config/workloads.yaml</c>).</summary>
    public string? WorkloadsFile { get; set; }

    /// <summary>This process's workload name in <see cref="WorkloadsFile"/> (defaults to the service's resource name).</summary>
    public string? Workload { get; set; }

    /// <summary>Explicit namespace, overriding the declaration.</summary>
    public string? Namespace { get; set; }

    /// <summary>Explicit labels, overriding the declaration.</summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Values for <c>${VAR}</c> placeholders in the YAML (KEYCLOAK_ADDR, REALM, CLIENT, INGRESS_PORT, ...).</summary>
    public Dictionary<string, string> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>&lt;jwksUri&gt;=&lt;file&gt;</c> entries: those JWKS are read from the file instead of fetched (machines that
    /// cannot reach the URI). Istio itself always fetches; this is a local convenience, off unless set.
    /// </summary>
    public List<string> JwksFiles { get; set; } = [];

    /// <summary>Adds <c>x-mesh-explain</c> with the one-line reason to responses (on under DevHost).</summary>
    public bool ExplainResponses { get; set; }

    /// <summary>Maps <c>/_mesh/reload</c> and <c>/_mesh/decisions</c> (development only: DevHost and the AppHost set it).</summary>
    public bool AdminEndpoints { get; set; }

    /// <summary>How long file changes settle before a reload.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public bool Enabled => !string.IsNullOrWhiteSpace(ConfigPath);

    public IReadOnlyList<string> ConfigPaths =>
        (ConfigPath ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
