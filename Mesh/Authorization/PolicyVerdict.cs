using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authorization;

/// <summary>How one applicable policy fared on the request.</summary>
/// <param name="Policy">The policy document.</param>
/// <param name="Action">Its action.</param>
/// <param name="DryRun">Whether it only shadows (istio.io/dry-run).</param>
/// <param name="RuleIndex">The matching rule; null when no rule matched.</param>
/// <param name="Reason">Why it did not match (first failing condition per rule), or empty when it matched.</param>
public sealed record PolicyVerdict(ResourceId Policy, PolicyAction Action, bool DryRun, int? RuleIndex, string Reason)
{
    public bool Matched => RuleIndex is not null;

    public override string ToString()
    {
        var dry = DryRun ? " (dry-run)" : string.Empty;
        var action = Action.ToString().ToUpperInvariant();
        return Matched
            ? $"{action} {Policy.QualifiedName}{dry} rule {RuleIndex} matched"
            : $"{action} {Policy.QualifiedName}{dry} did not match: {Reason}";
    }
}
