namespace AspireAuth.AppHost;

/// <summary>
/// Turns on a service's mesh (the gateway's enforcement, the sidecar emulation) with the <c>Mesh</c> section
/// ServiceDefaults reads, as DevHost sets it: the Istio YAML of <c>config/istio/</c>, the workload declarations, the
/// local values of the placeholders, and explanations in responses. Without <c>config/istio/</c> the mesh stays off,
/// like a pod without injection.
/// </summary>
public static class MeshEnvironmentExtensions
{
    /// <summary>Sets the <c>Mesh__*</c> variables on the service.</summary>
    public static IResourceBuilder<ProjectResource> WithMesh(
        this IResourceBuilder<ProjectResource> builder,
        RepositoryLayout layout,
        LocalValues values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(values);
        if (!Directory.Exists(layout.IstioDirectory))
        {
            return builder;
        }

        builder.WithEnvironment("Mesh__ConfigPath", layout.IstioDirectory)
            .WithEnvironment("Mesh__ExplainResponses", "true");
        if (File.Exists(layout.WorkloadsFile))
        {
            builder.WithEnvironment("Mesh__WorkloadsFile", layout.WorkloadsFile);
        }

        foreach (var (name, value) in values.Variables)
        {
            builder.WithEnvironment($"Mesh__Variables__{name}", value);
        }

        return builder;
    }
}
