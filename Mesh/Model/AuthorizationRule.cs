namespace AspireAuth.Mesh.Model;

/// <summary>One rule: sources (OR), operations (OR), conditions (AND). A null list means "not given".</summary>
public sealed record AuthorizationRule(
    IReadOnlyList<IReadOnlyList<ValueMatch>>? From,
    IReadOnlyList<IReadOnlyList<ValueMatch>>? To,
    IReadOnlyList<ValueMatch>? When);
