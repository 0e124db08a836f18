using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>
/// Reads and validates <c>selector</c> (istiod <c>validateWorkloadSelector</c>) and notes <c>targetRef</c>/<c>targetRefs</c>
/// (which classic proxies ignore).
/// </summary>
internal static class SelectorParser
{
    public static (WorkloadSelector Selector, bool HasTargetRefs) Parse(Node spec)
    {
        var selector = spec.Field("selector");
        selector.AllowOnly("matchLabels");
        var matchLabels = selector.Field("matchLabels");
        var labels = matchLabels.StringMap();

        // istiod validateWorkloadSelector: no empty key, no wildcard in a key or a value.
        foreach (var (key, value) in labels)
        {
            if (key.Length == 0)
            {
                matchLabels.Error($"{key}={value}", "empty key is not supported in selector");
            }

            if (key.Contains('*', StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal))
            {
                matchLabels.Field(key).Error($"{key}={value}", "wildcard is not supported in selector");
            }
        }

        var hasTargetRefs = spec.Has("targetRef") || spec.Has("targetRefs");
        if (!selector.IsMissing && hasTargetRefs)
        {
            spec.Field("targetRefs").Error(null, "only one of selector or targetRef/targetRefs can be set");
        }

        return (labels.Count == 0 ? WorkloadSelector.All : new WorkloadSelector(labels), hasTargetRefs);
    }
}
