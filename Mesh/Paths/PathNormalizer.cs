using System.Text;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Paths;

/// <summary>
/// The HCM path normalisation Istio configures (B.8), applied to the path before the query string. BASE: percent-decode
/// unreserved characters, <c>\</c> to <c>/</c>, RFC 3986 dot-segment removal. MERGE_SLASHES also merges <c>//</c>;
/// DECODE_AND_MERGE_SLASHES first decodes <c>%2F</c> and <c>%5C</c>. A <c>%00</c> is rejected (400).
/// </summary>
public static class PathNormalizer
{
    /// <summary>The normalised path (query kept as is), or null when the request must be rejected with 400.</summary>
    public static string? Normalize(string path, PathNormalization mode)
    {
        ArgumentNullException.ThrowIfNull(path);
        var q = path.IndexOfAny(['?', '#']);
        var pathPart = q < 0 ? path : path[..q];
        var rest = q < 0 ? string.Empty : path[q..];
        if (pathPart.Contains("%00", StringComparison.Ordinal))
        {
            return null;
        }

        if (mode == PathNormalization.None)
        {
            return path;
        }

        if (mode == PathNormalization.DecodeAndMergeSlashes)
        {
            pathPart = pathPart.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Replace("%5C", "\\", StringComparison.OrdinalIgnoreCase);
        }

        pathPart = DecodeUnreserved(pathPart).Replace('\\', '/');
        pathPart = RemoveDotSegments(pathPart);
        if (mode is PathNormalization.MergeSlashes or PathNormalization.DecodeAndMergeSlashes)
        {
            while (pathPart.Contains("//", StringComparison.Ordinal))
            {
                pathPart = pathPart.Replace("//", "/", StringComparison.Ordinal);
            }
        }

        return pathPart + rest;
    }

    /// <summary>Decodes <c>%XX</c> of unreserved characters (ALPHA, DIGIT, <c>-._~</c>) in one pass.</summary>
    private static string DecodeUnreserved(string path)
    {
        if (!path.Contains('%', StringComparison.Ordinal))
        {
            return path;
        }

        var result = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length && IsHex(path[i + 1]) && IsHex(path[i + 2]))
            {
                var c = (char)Convert.ToInt32(path.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
                {
                    result.Append(c);
                    i += 2;
                    continue;
                }

                result.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                i += 2;
                continue;
            }

            result.Append(path[i]);
        }

        return result.ToString();
    }

    /// <summary>RFC 3986 §5.2.4.</summary>
    private static string RemoveDotSegments(string path)
    {
        if (!path.Contains('.', StringComparison.Ordinal))
        {
            return path;
        }

        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }

                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }

                continue;
            }

            output.Add(segment);
        }

        return "/" + string.Join('/', output);
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
