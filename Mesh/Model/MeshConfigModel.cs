namespace AspireAuth.Mesh.Model;

/// <summary>The parts of MeshConfig the emulation uses.</summary>
public sealed record MeshConfigModel(
    string RootNamespace,
    PathNormalization PathNormalization,
    IReadOnlyDictionary<string, ExtAuthzHttpProvider> ExtensionProviders,
    IReadOnlySet<string> OtherProviders)
{
    /// <summary>
    /// Usable <c>envoyExtAuthzGrpc</c> providers (service and port set): a CUSTOM policy naming one really calls
    /// ext_authz, although only HTTP providers are modelled in <see cref="ExtensionProviders"/>.
    /// </summary>
    public IReadOnlySet<string> GrpcExtAuthzProviders { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static MeshConfigModel Default { get; } = new(
        "istio-system",
        PathNormalization.Base,
        new Dictionary<string, ExtAuthzHttpProvider>(),
        new HashSet<string>());
}
