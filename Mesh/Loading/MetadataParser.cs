using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Reads <c>metadata</c> and names the document for later errors (namespace <c>default</c> when absent).</summary>
internal static class MetadataParser
{
    public static DocumentMetadata Parse(Node root, string kind)
    {
        var metadata = root.Field("metadata");
        var name = metadata.Field("name").String();
        var ns = metadata.Field("namespace").String() ?? "default";
        root.Context.Document = $"{kind}/{ns}/{name ?? "<unnamed>"}";
        if (string.IsNullOrEmpty(name))
        {
            metadata.Field("name").Error(null, "is required");
        }

        root.AllowOnly("apiVersion", "kind", "metadata", "spec", "status", "data");
        return new DocumentMetadata(
            new ResourceId(root.Context.File, kind, ns, name ?? string.Empty),
            metadata.Field("annotations").StringMap());
    }
}
