using YamlDotNet.RepresentationModel;

namespace AspireAuth.Manifests;

/// <summary>
/// The mesh config's extension providers as an IstioOperator overlay (<c>istioctl install -f</c>), for clusters where
/// the <c>istio</c> ConfigMap is owned by the installer rather than patched directly.
/// </summary>
internal static class MeshConfigOverlay
{
    public static string? Render(IReadOnlyList<ManifestFile> istioFiles)
    {
        foreach (var file in istioFiles)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Content));
            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") != "ConfigMap"
                    || root.Children.TryGetValue("metadata", out var m) is false || Scalar((YamlMappingNode)m, "name") != "istio"
                    || !root.Children.TryGetValue("data", out var data) || Scalar((YamlMappingNode)data, "mesh") is not { } meshText)
                {
                    continue;
                }

                var mesh = new YamlStream();
                mesh.Load(new StringReader(meshText));
                if (mesh.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode meshConfig || !meshConfig.Children.TryGetValue("extensionProviders", out var providers))
                {
                    return null;
                }

                var overlay = new YamlMappingNode(
                    new YamlScalarNode("apiVersion"), new YamlScalarNode("install.istio.io/v1alpha1"),
                    new YamlScalarNode("kind"), new YamlScalarNode("IstioOperator"),
                    new YamlScalarNode("spec"), new YamlMappingNode(
                        new YamlScalarNode("meshConfig"), new YamlMappingNode(new YamlScalarNode("extensionProviders"), providers)));
                return YamlText.Emit([overlay]);
            }
        }

        return null;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode s ? s.Value : null;
}
