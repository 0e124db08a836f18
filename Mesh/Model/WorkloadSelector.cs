namespace AspireAuth.Mesh.Model;

/// <summary>A <c>selector.matchLabels</c>; empty means every workload of the namespace.</summary>
public sealed record WorkloadSelector(IReadOnlyDictionary<string, string> MatchLabels)
{
    public static WorkloadSelector All { get; } = new(new Dictionary<string, string>());

    /// <summary>True when every selector label is on the workload with the same value.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        MatchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value);
}
