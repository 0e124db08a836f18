using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Reads <c>selector</c> and notes <c>targetRef</c>/<c>targetRefs</c> (which classic proxies ignore).</summary>
internal static class SelectorParser
{
    public static (WorkloadSelector Selector, bool HasTargetRefs) Parse(Node spec)
    {
        var selector = spec.Field("selector");
        selector.AllowOnly("matchLabels");
        var labels = selector.Field("matchLabels").StringMap();
        var hasTargetRefs = spec.Has("targetRef") || spec.Has("targetRefs");
        if (!selector.IsMissing && hasTargetRefs)
        {
            spec.Field("targetRefs").Error(null, "only one of selector or targetRef/targetRefs can be set");
        }

        return (labels.Count == 0 ? WorkloadSelector.All : new WorkloadSelector(labels), hasTargetRefs);
    }
}
