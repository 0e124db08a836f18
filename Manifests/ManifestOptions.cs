namespace AspireAuth.Manifests;

/// <summary>What to render.</summary>
public sealed record ManifestOptions
{
    /// <summary>The configuration folder: <c>istio/</c>, <c>realms/</c>, <c>oauth2-proxy/</c>, <c>workloads.yaml</c>.</summary>
    public required string ConfigRoot { get; init; }

    /// <summary>A YAML map of cluster values (<c>KEYCLOAK_ADDR: ...</c>); null for defaults and placeholders only.</summary>
    public string? ValuesFile { get; init; }

    /// <summary>Overrides the application namespace (default: the namespace of the application workloads).</summary>
    public string? Namespace { get; init; }

    /// <summary>Refuse to render while any value is still a placeholder.</summary>
    public bool Strict { get; init; }
}
