using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Parses a networking StringMatch (one of exact, prefix, regex).</summary>
internal static class StringMatchParser
{
    public static StringMatchSpec? Parse(Node node)
    {
        if (node.IsMissing)
        {
            return null;
        }

        node.AllowOnly("exact", "prefix", "regex");
        var spec = new StringMatchSpec(node.Field("exact").String(), node.Field("prefix").String(), node.Field("regex").String());
        if (new[] { spec.Exact, spec.Prefix, spec.Regex }.Count(v => v is not null) > 1)
        {
            node.Error(null, "only one of exact, prefix or regex can be set");
        }

        if (spec.Regex is not null)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(spec.Regex);
            }
            catch (ArgumentException ex)
            {
                node.Field("regex").Error(spec.Regex, $"is not a valid regular expression: {ex.Message}");
            }
        }

        return spec;
    }

    public static IReadOnlyDictionary<string, StringMatchSpec> ParseMap(Node node, bool lowerCaseKeys)
    {
        var result = new Dictionary<string, StringMatchSpec>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Entries())
        {
            if (lowerCaseKeys && !key.StartsWith('@') && !string.Equals(key, key.ToLowerInvariant(), StringComparison.Ordinal))
            {
                value.Error(key, "header names must be lower case");
            }

            result[key] = Parse(value) ?? new StringMatchSpec(null, null, null);
        }

        return result;
    }
}
