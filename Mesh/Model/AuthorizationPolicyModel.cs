namespace AspireAuth.Mesh.Model;

/// <summary>An AuthorizationPolicy document.</summary>
public sealed record AuthorizationPolicyModel(
    ResourceId Id,
    WorkloadSelector Selector,
    bool HasTargetRefs,
    PolicyAction Action,
    string? Provider,
    IReadOnlyList<AuthorizationRule>? Rules,
    bool DryRun);
