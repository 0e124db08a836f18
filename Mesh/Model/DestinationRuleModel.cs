namespace AspireAuth.Mesh.Model;

/// <summary>A DestinationRule: its host and named subsets with their labels.</summary>
public sealed record DestinationRuleModel(ResourceId Id, string Host, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Subsets);
