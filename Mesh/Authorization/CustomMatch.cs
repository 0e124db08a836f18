using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authorization;

/// <summary>A CUSTOM rule that matched: the ext_authz provider to call, or fail-closed when it is unusable.</summary>
/// <param name="Policy">The CUSTOM policy.</param>
/// <param name="RuleIndex">The matching rule.</param>
/// <param name="ProviderName">The <c>provider.name</c>.</param>
/// <param name="Provider">The <c>envoyExtAuthzHttp</c> provider; null when it is unknown or an <c>envoyExtAuthzGrpc</c> provider.</param>
/// <param name="FailClosed">True when Istio replaces the CUSTOM rules by DENY rules (unknown provider, several providers).</param>
/// <param name="DryRun">True for a dry-run CUSTOM policy (ext_authz is still called).</param>
public sealed record CustomMatch(ResourceId Policy, int RuleIndex, string ProviderName, ExtAuthzHttpProvider? Provider, bool FailClosed, bool DryRun);
