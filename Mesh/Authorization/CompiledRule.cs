using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authorization;

/// <summary>
/// A rule as a boolean formula (B.3): (OR over from: AND of fields) AND (OR over to: AND of fields) AND (AND of when).
/// A missing from/to/when imposes nothing.
/// </summary>
internal sealed class CompiledRule
{
    private readonly CompiledField[][]? _from;
    private readonly CompiledField[][]? _to;
    private readonly CompiledField[] _when;

    public CompiledRule(AuthorizationRule rule, string policyNamespace)
    {
        _from = rule.From?.Select(s => s.Select(f => FieldCompiler.Compile(f, policyNamespace)).ToArray()).ToArray();
        _to = rule.To?.Select(o => o.Select(f => FieldCompiler.Compile(f, policyNamespace)).ToArray()).ToArray();
        _when = rule.When?.Select(c => FieldCompiler.Compile(c, policyNamespace)).ToArray() ?? [];
    }

    public bool Matches(RequestAttributes request) =>
        AnyAll(_from, request) && AnyAll(_to, request) && All(_when, request);

    /// <summary>The first condition that failed, with the value the request had; null when the rule matches.</summary>
    public string? FirstFailure(RequestAttributes request)
    {
        if (!AnyAll(_from, request))
        {
            return "from: " + FirstFailing(_from![0], request);
        }

        if (!AnyAll(_to, request))
        {
            return "to: " + FirstFailing(_to![0], request);
        }

        foreach (var condition in _when)
        {
            if (!condition.Matches(request))
            {
                return "when: " + condition.DescribeFailure(request);
            }
        }

        return null;
    }

    private static string FirstFailing(CompiledField[] fields, RequestAttributes request) =>
        fields.First(f => !f.Matches(request)).DescribeFailure(request);

    private static bool AnyAll(CompiledField[][]? groups, RequestAttributes request)
    {
        if (groups is null)
        {
            return true;
        }

        foreach (var group in groups)
        {
            if (All(group, request))
            {
                return true;
            }
        }

        return false;
    }

    private static bool All(CompiledField[] fields, RequestAttributes request)
    {
        foreach (var field in fields)
        {
            if (!field.Matches(request))
            {
                return false;
            }
        }

        return true;
    }
}
