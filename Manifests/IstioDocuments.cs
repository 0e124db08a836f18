using AspireAuth.Mesh.Loading;
using YamlDotNet.RepresentationModel;

namespace AspireAuth.Manifests;

/// <summary>
/// The Istio documents of <c>config/istio/</c> with the cluster values substituted, validated by Mesh exactly as the
/// local environment loads them (so the cluster gets the same policies, not re-authored ones), then re-emitted from the
/// parsed document tree: deterministic, comment-free, one file per source file.
/// </summary>
internal static class IstioDocuments
{
    public static IReadOnlyList<ManifestFile> Render(string istioFolder, ClusterValues values, string appNamespace, string? namespaceOverride)
    {
        var files = Directory.EnumerateFiles(istioFolder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var substituted = files.Select(f => (File: f, Text: Envsubst.Apply(File.ReadAllText(f), values.Values))).ToArray();

        // Validate as the environment does; placeholders still open get a syntactically valid stand-in for validation only.
        var forValidation = values.Missing.ToDictionary(m => m, m => $"placeholder-{m.ToLowerInvariant().Replace('_', '-')}.invalid", StringComparer.Ordinal);
        MeshConfigLoader.Parse(substituted.Select(s => (s.File, Envsubst.Apply(s.Text, forValidation))));

        var result = new List<ManifestFile>();
        foreach (var (file, text) in substituted)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (namespaceOverride is not null)
            {
                foreach (var document in stream.Documents)
                {
                    Renamespace(document.RootNode, appNamespace, namespaceOverride);
                }
            }

            var relative = Path.GetRelativePath(istioFolder, file).Replace('\\', '/');
            result.Add(new ManifestFile($"istio/{relative}", YamlText.Emit(stream.Documents.Select(d => d.RootNode).Where(n => n is YamlMappingNode m && m.Children.Count > 0))));
        }

        return result;
    }

    private static void Renamespace(YamlNode node, string from, string to)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children.ToArray())
                {
                    if (key.ToString() == "namespace" && value is YamlScalarNode s && s.Value == from)
                    {
                        mapping.Children[key] = new YamlScalarNode(to);
                    }
                    else
                    {
                        Renamespace(value, from, to);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (sequence.Children[i] is YamlScalarNode item && item.Value is { } v)
                    {
                        sequence.Children[i] = new YamlScalarNode(Rename(v, from, to));
                    }
                    else
                    {
                        Renamespace(sequence.Children[i], from, to);
                    }
                }

                break;
            case YamlScalarNode scalar when scalar.Value is { } text:
                scalar.Value = Rename(text, from, to);
                break;
        }
    }

    private static string Rename(string value, string from, string to) =>
        value.Replace($".{from}.svc.cluster.local", $".{to}.svc.cluster.local", StringComparison.Ordinal)
            .Replace($"/ns/{from}/", $"/ns/{to}/", StringComparison.Ordinal) is var renamed && renamed.StartsWith(from + "/", StringComparison.Ordinal)
            ? to + renamed[from.Length..]
            : renamed;
}
