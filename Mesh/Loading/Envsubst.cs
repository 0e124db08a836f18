using System.Text.RegularExpressions;

namespace AspireAuth.Mesh.Loading;

/// <summary>
/// <c>envsubst</c> with a variable list: <c>$VAR</c> and <c>${VAR}</c> are replaced by the value in the map; a variable
/// not in the map is left as written (as <c>envsubst '$A $B'</c> leaves unlisted ones), so a missing value stays visible.
/// </summary>
public static partial class Envsubst
{
    public static string Apply(string text, IReadOnlyDictionary<string, string>? variables)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (variables is null || variables.Count == 0)
        {
            return text;
        }

        return Placeholder().Replace(text, m =>
        {
            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value;
            return variables.TryGetValue(name, out var value) ? value : m.Value;
        });
    }

    /// <summary>The names of placeholders still present in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Unresolved(string text) =>
        Placeholder().Matches(text)
            .Select(m => m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Placeholder();
}
