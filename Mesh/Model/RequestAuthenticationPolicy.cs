namespace AspireAuth.Mesh.Model;

/// <summary>A RequestAuthentication document.</summary>
public sealed record RequestAuthenticationPolicy(ResourceId Id, WorkloadSelector Selector, bool HasTargetRefs, IReadOnlyList<JwtRule> JwtRules);
