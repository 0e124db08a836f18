namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>Istio's header lists for ext_authz: exact, <c>x-*</c> prefix or <c>*-x</c> suffix, case-insensitive.</summary>
internal static class HeaderPatterns
{
    public static bool Matches(IEnumerable<string> patterns, string name) => patterns.Any(p => Matches(p, name));

    private static bool Matches(string pattern, string name)
    {
        if (pattern.EndsWith('*'))
        {
            return name.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase);
        }

        if (pattern.StartsWith('*'))
        {
            return name.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
    }
}
