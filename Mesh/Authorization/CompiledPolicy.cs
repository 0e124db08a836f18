using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authorization;

/// <summary>An AuthorizationPolicy compiled once: a policy matches when any of its rules matches.</summary>
public sealed class CompiledPolicy
{
    private readonly CompiledRule[] _rules;

    public CompiledPolicy(AuthorizationPolicyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _rules = model.Rules?.Select(r => new CompiledRule(r, model.Id.Namespace)).ToArray() ?? [];
    }

    public AuthorizationPolicyModel Model { get; }

    /// <summary>The index of the first matching rule, or -1. A policy without rules never matches.</summary>
    public int Match(RequestAttributes request)
    {
        for (var i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].Matches(request))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Why no rule matched: for each rule, the first failing condition.</summary>
    public string ExplainMismatch(RequestAttributes request)
    {
        if (_rules.Length == 0)
        {
            return Model.Rules is null ? "has no rules, so it matches nothing" : "has an empty rule list, so it matches nothing";
        }

        return string.Join("; ", _rules.Select((r, i) => _rules.Length == 1 ? r.FirstFailure(request) : $"rule {i}: {r.FirstFailure(request)}"));
    }
}
