using System.Text;
using System.Text.RegularExpressions;

namespace AspireAuth.Mesh.Authorization;

/// <summary>
/// Istio's path templates, as Envoy's <c>uri_template</c> matches them: <c>{*}</c> is one non-empty segment
/// (<c>[^/]+</c>), <c>{**}</c> any run of path characters including slashes (so <c>/a/{**}</c> matches <c>/a/</c> but not
/// <c>/a</c>, and <c>/a/{**}/b</c> matches <c>/a//b</c> but not <c>/a/b</c>).
/// </summary>
public sealed class PathTemplate
{
    private readonly Regex _regex;

    private PathTemplate(Regex regex) => _regex = regex;

    public static bool IsTemplate(string path) => path.Contains('{', StringComparison.Ordinal) || path.Contains('}', StringComparison.Ordinal);

    /// <summary>Why <paramref name="path"/> is not a valid template; null when valid (or not a template).</summary>
    public static string? Validate(string path)
    {
        if (!IsTemplate(path))
        {
            return null;
        }

        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s == "{**}" && segments.Skip(i + 1).Any(x => x is "{*}" or "{**}"))
            {
                return "{**} must be the last operator in a path template";
            }

            if (s is not ("{*}" or "{**}") && (s.Contains('{', StringComparison.Ordinal) || s.Contains('}', StringComparison.Ordinal)))
            {
                return "an operator must be a whole path segment ({*} or {**}); no { or } elsewhere";
            }
        }

        return null;
    }

    public static PathTemplate Parse(string path)
    {
        var pattern = new StringBuilder("^");
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                pattern.Append('/');
            }

            pattern.Append(segments[i] switch
            {
                "{*}" => "[^/]+",
                "{**}" => ".*",
                var literal => Regex.Escape(literal),
            });
        }

        return new PathTemplate(new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled));
    }

    public bool Matches(string path) => _regex.IsMatch(path);
}
