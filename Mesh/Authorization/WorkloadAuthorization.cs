using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authorization;

/// <summary>
/// The AuthorizationPolicies that apply to one workload, grouped by action once, and Istio's decision algorithm over
/// them (B.2): CUSTOM first (before JWT), then AUDIT (marks only), DENY, ALLOW.
/// </summary>
public sealed class WorkloadAuthorization
{
    private readonly CompiledPolicy[] _custom;
    private readonly CompiledPolicy[] _audit;
    private readonly CompiledPolicy[] _deny;
    private readonly CompiledPolicy[] _allow;
    private readonly CompiledPolicy[] _dryRun;
    private readonly MeshConfigModel _meshConfig;
    private readonly bool _customFailClosed;

    public WorkloadAuthorization(IReadOnlyList<CompiledPolicy> policies, MeshConfigModel meshConfig)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _meshConfig = meshConfig;
        _custom = policies.Where(p => p.Model.Action == PolicyAction.Custom).ToArray();
        _audit = policies.Where(p => p.Model.Action == PolicyAction.Audit).ToArray();
        _deny = policies.Where(p => p.Model.Action == PolicyAction.Deny && !p.Model.DryRun).ToArray();
        _allow = policies.Where(p => p.Model.Action == PolicyAction.Allow && !p.Model.DryRun).ToArray();
        _dryRun = policies.Where(p => p.Model.DryRun && p.Model.Action is PolicyAction.Allow or PolicyAction.Deny).ToArray();

        // One provider per workload unless multiple providers are enabled: otherwise every CUSTOM rule fails closed.
        _customFailClosed = _custom.Select(p => p.Model.Provider).Distinct(StringComparer.Ordinal).Count() > 1;
        PolicyCount = policies.Count;
    }

    public int PolicyCount { get; }

    public bool HasCustom => _custom.Length > 0;

    /// <summary>The first matching CUSTOM rule (evaluated without JWT attributes), or null.</summary>
    public CustomMatch? MatchCustom(RequestAttributes request)
    {
        foreach (var policy in _custom)
        {
            var rule = policy.Match(request);
            if (rule < 0)
            {
                continue;
            }

            var name = policy.Model.Provider ?? string.Empty;
            _meshConfig.ExtensionProviders.TryGetValue(name, out var provider);
            // Istio's builder (getExtAuthz) replaces the rules by DENY rules when the provider is unknown or unusable.
            var usable = provider is not null || _meshConfig.GrpcExtAuthzProviders.Contains(name);
            return new CustomMatch(policy.Model.Id, rule, name, provider, _customFailClosed || !usable, policy.Model.DryRun);
        }

        return null;
    }

    /// <summary>AUDIT, DENY and ALLOW in Istio's order. With <paramref name="explain"/>, non-matching policies get reasons.</summary>
    public AuthorizationDecision Evaluate(RequestAttributes request, bool explain)
    {
        var verdicts = explain ? new List<PolicyVerdict>() : null;
        if (explain)
        {
            foreach (var audit in _audit)
            {
                verdicts!.Add(Verdict(audit, request, explain));
            }

            foreach (var dry in _dryRun)
            {
                verdicts!.Add(Verdict(dry, request, explain));
            }
        }

        foreach (var deny in _deny)
        {
            var rule = deny.Match(request);
            if (rule >= 0)
            {
                var verdict = new PolicyVerdict(deny.Model.Id, PolicyAction.Deny, false, rule, string.Empty);
                verdicts?.Add(verdict);
                return AuthorizationDecision.Deny("DENY", verdict, (IReadOnlyList<PolicyVerdict>?)verdicts ?? []);
            }

            verdicts?.Add(Verdict(deny, request, explain));
        }

        if (_allow.Length == 0)
        {
            return AuthorizationDecision.Allow("NO_POLICY", null, (IReadOnlyList<PolicyVerdict>?)verdicts ?? []);
        }

        foreach (var allow in _allow)
        {
            var rule = allow.Match(request);
            if (rule >= 0)
            {
                var verdict = new PolicyVerdict(allow.Model.Id, PolicyAction.Allow, false, rule, string.Empty);
                verdicts?.Add(verdict);
                return AuthorizationDecision.Allow("ALLOW", verdict, (IReadOnlyList<PolicyVerdict>?)verdicts ?? []);
            }

            verdicts?.Add(Verdict(allow, request, explain));
        }

        return AuthorizationDecision.Deny("NO_ALLOW_MATCH", null, (IReadOnlyList<PolicyVerdict>?)verdicts ?? []);
    }

    /// <summary>The fail-closed DENY Istio generates for an unusable CUSTOM provider.</summary>
    public static AuthorizationDecision FailClosed(CustomMatch match) =>
        AuthorizationDecision.Deny("CUSTOM_FAIL_CLOSED", new PolicyVerdict(match.Policy, PolicyAction.Custom, match.DryRun, match.RuleIndex, string.Empty), []);

    private static PolicyVerdict Verdict(CompiledPolicy policy, RequestAttributes request, bool explain)
    {
        var rule = policy.Match(request);
        return new PolicyVerdict(policy.Model.Id, policy.Model.Action, policy.Model.DryRun, rule >= 0 ? rule : null,
            rule >= 0 || !explain ? string.Empty : policy.ExplainMismatch(request));
    }
}
