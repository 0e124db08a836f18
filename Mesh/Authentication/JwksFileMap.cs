namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// <c>uri=path</c> pairs that serve a <c>jwksUri</c> from a local file (split at the last <c>=</c>, since URIs may
/// hold one in their query). For machines that cannot reach the URI, such as the Istio sample JWKS on GitHub offline.
/// </summary>
public static class JwksFileMap
{
    /// <summary>Parses the pairs; each problem names the entry (<paramref name="source"/> says where it came from).</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> specs, string source, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var index = 0;
        foreach (var spec in specs)
        {
            var at = $"{source}[{index++}]";
            var equals = spec.LastIndexOf('=');
            if (equals <= 0 || equals == spec.Length - 1)
            {
                problems.Add($"{at}: expected <jwksUri>=<file>, got '{spec}'");
                continue;
            }

            var (uri, file) = (spec[..equals], Path.GetFullPath(spec[(equals + 1)..]));
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{at}: '{uri}' is not an http(s) URI");
            }
            else if (!File.Exists(file))
            {
                problems.Add($"{at}: file '{file}' (for {uri}) does not exist");
            }
            else
            {
                map[uri] = file;
            }
        }

        errors = problems;
        return map;
    }
}
