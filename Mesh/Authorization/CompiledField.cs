using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authorization;

/// <summary>
/// One field or <c>when</c> condition, compiled: (OR of values) AND NOT (OR of notValues). Matchers return false for a
/// missing attribute, so a negative is true when the attribute is missing (B.6).
/// </summary>
internal sealed class CompiledField(ValueMatch source, Predicate<RequestAttributes>[]? values, Predicate<RequestAttributes>[]? notValues, Func<RequestAttributes, string> actual)
{
    public ValueMatch Source { get; } = source;

    public bool Matches(RequestAttributes request)
    {
        if (values is not null && !AnyMatch(values, request))
        {
            return false;
        }

        return notValues is null || !AnyMatch(notValues, request);
    }

    /// <summary>"<c>key</c> wanted [..], request had X", for explanations.</summary>
    public string DescribeFailure(RequestAttributes request)
    {
        var had = actual(request);
        if (values is not null && !AnyMatch(values, request))
        {
            return $"{Source.Key} wanted [{string.Join(", ", Source.Values!)}], request had {had}";
        }

        return $"{Source.Key} must not be [{string.Join(", ", Source.NotValues!)}], request had {had}";
    }

    private static bool AnyMatch(Predicate<RequestAttributes>[] predicates, RequestAttributes request)
    {
        foreach (var predicate in predicates)
        {
            if (predicate(request))
            {
                return true;
            }
        }

        return false;
    }
}
