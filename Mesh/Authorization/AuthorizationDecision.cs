using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authorization;

/// <summary>
/// The RBAC outcome: allowed, or denied with Envoy's 403 <c>RBAC: access denied</c>; with the deciding action,
/// policy and rule, and the verdict of every applicable policy.
/// </summary>
public sealed class AuthorizationDecision
{
    /// <summary>Envoy's RBAC filter body.</summary>
    public const string DeniedBody = "RBAC: access denied";

    private AuthorizationDecision(bool allowed, string decidedBy, PolicyVerdict? decidingPolicy, IReadOnlyList<PolicyVerdict> verdicts)
    {
        Allowed = allowed;
        DecidedBy = decidedBy;
        DecidingPolicy = decidingPolicy;
        Verdicts = verdicts;
    }

    public bool Allowed { get; }

    public int Status => Allowed ? 200 : 403;

    public string Body => Allowed ? string.Empty : DeniedBody;

    /// <summary><c>DENY</c>, <c>ALLOW</c>, <c>NO_ALLOW_MATCH</c>, <c>NO_POLICY</c>, <c>CUSTOM_FAIL_CLOSED</c>.</summary>
    public string DecidedBy { get; }

    public PolicyVerdict? DecidingPolicy { get; }

    /// <summary>Every applicable policy's verdict; reasons are filled only when explanations were asked for.</summary>
    public IReadOnlyList<PolicyVerdict> Verdicts { get; }

    public static AuthorizationDecision Allow(string decidedBy, PolicyVerdict? policy, IReadOnlyList<PolicyVerdict> verdicts) =>
        new(true, decidedBy, policy, verdicts);

    public static AuthorizationDecision Deny(string decidedBy, PolicyVerdict? policy, IReadOnlyList<PolicyVerdict> verdicts) =>
        new(false, decidedBy, policy, verdicts);

    /// <summary>One line: what decided and why.</summary>
    public string Summary => DecidedBy switch
    {
        "DENY" => $"denied by DENY policy {DecidingPolicy!.Policy.QualifiedName} rule {DecidingPolicy.RuleIndex}",
        "CUSTOM_FAIL_CLOSED" => $"denied: CUSTOM policy {DecidingPolicy!.Policy.QualifiedName} rule {DecidingPolicy.RuleIndex} has no usable provider (Istio fails closed)",
        "ALLOW" => $"allowed by ALLOW policy {DecidingPolicy!.Policy.QualifiedName} rule {DecidingPolicy.RuleIndex}",
        "NO_ALLOW_MATCH" => "denied: ALLOW policies apply but none matched"
            + string.Concat(Verdicts.Where(v => v.Action == PolicyAction.Allow && !v.DryRun && !v.Matched && v.Reason.Length > 0)
                .Select(v => $" [{v.Policy.QualifiedName}: {v.Reason}]")),
        _ => "allowed: no ALLOW policy applies, no DENY policy matched",
    };
}
