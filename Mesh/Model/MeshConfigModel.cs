namespace AspireAuth.Mesh.Model;

/// <summary>The parts of MeshConfig the emulation uses.</summary>
public sealed record MeshConfigModel(
    string RootNamespace,
    PathNormalization PathNormalization,
    IReadOnlyDictionary<string, ExtAuthzHttpProvider> ExtensionProviders,
    IReadOnlySet<string> OtherProviders)
{
    public static MeshConfigModel Default { get; } = new(
        "istio-system",
        PathNormalization.Base,
        new Dictionary<string, ExtAuthzHttpProvider>(),
        new HashSet<string>());
}
