using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Parses a DestinationRule: host and subsets (traffic policies are accepted as written).</summary>
internal static class DestinationRuleParser
{
    public static DestinationRuleModel Parse(Node root, DocumentMetadata metadata)
    {
        var spec = root.Field("spec");
        spec.AllowOnly("host", "trafficPolicy", "subsets", "exportTo", "workloadSelector");
        var host = spec.Field("host").String();
        if (string.IsNullOrEmpty(host))
        {
            spec.Field("host").Error(host, "is required");
        }

        var subsets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var subset in spec.Field("subsets").Items())
        {
            subset.AllowOnly("name", "labels", "trafficPolicy");
            var name = subset.Field("name").String();
            if (string.IsNullOrEmpty(name))
            {
                subset.Field("name").Error(name, "is required");
                continue;
            }

            if (!subsets.TryAdd(name, subset.Field("labels").StringMap()))
            {
                subset.Field("name").Error(name, "duplicate subset name");
            }
        }

        return new DestinationRuleModel(metadata.Id, host ?? string.Empty, subsets);
    }
}
