using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AspireAuth.Mesh.Authorization;
using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Routing;

/// <summary>Evaluates an HTTPMatchRequest (E.2): every given field must match.</summary>
internal static class HttpMatchEvaluator
{
    private static readonly ConcurrentDictionary<string, Regex> s_regexes = new(StringComparer.Ordinal);

    public static bool Matches(HttpMatchRequest match, RequestAttributes request, string scheme, string path, string gatewayName)
    {
        var pathOnly = QueryString.PathOnly(path);
        if (match.Uri is { } uri && !MatchUri(uri, pathOnly, match.IgnoreUriCase))
        {
            return false;
        }

        if (match.Scheme is { } s && !MatchString(s, scheme))
        {
            return false;
        }

        if (match.Method is { } m && !MatchString(m, request.Method))
        {
            return false;
        }

        if (match.Authority is { } a && !MatchString(a, request.Host))
        {
            return false;
        }

        if (match.Port is { } port && port != request.Port)
        {
            return false;
        }

        if (match.Gateways is { Count: > 0 } gateways && !gateways.Contains(gatewayName, StringComparer.Ordinal))
        {
            return false;
        }

        foreach (var (name, spec) in match.Headers)
        {
            if (!MatchHeader(name, spec, request))
            {
                return false;
            }
        }

        foreach (var (name, spec) in match.WithoutHeaders)
        {
            var value = HeaderValues(name, request) ?? [string.Empty];
            if (value.Any(v => MatchString(spec, v)))
            {
                return false;
            }
        }

        foreach (var (name, spec) in match.QueryParams)
        {
            var value = QueryString.FirstValue(path, name);
            if (value is null || !MatchString(spec, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The length of the matched prefix, for a rewrite; 0 for exact/regex (whole path replaced).</summary>
    public static int? PrefixLength(HttpMatchRequest match) => match.Uri?.Prefix?.Length;

    private static bool MatchUri(StringMatchSpec uri, string path, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (uri.Exact is not null)
        {
            return string.Equals(path, uri.Exact, comparison);
        }

        if (uri.Prefix is not null)
        {
            return path.StartsWith(uri.Prefix, comparison);
        }

        return uri.Regex is null || FullRegex(uri.Regex).IsMatch(path);
    }

    private static bool MatchHeader(string name, StringMatchSpec spec, RequestAttributes request)
    {
        var values = HeaderValues(name, request);
        if (values is null)
        {
            return false;
        }

        return spec.Exact is null && spec.Prefix is null && spec.Regex is null
            ? values.Count > 0 || name.StartsWith('@')
            : values.Any(v => MatchString(spec, v));
    }

    /// <summary>Header values, or the string claims for <c>@request.auth.claims</c> keys (gateways only).</summary>
    private static IReadOnlyList<string>? HeaderValues(string name, RequestAttributes request)
    {
        const string ClaimsKey = "@request.auth.claims";
        if (name.StartsWith(ClaimsKey, StringComparison.Ordinal))
        {
            var rest = name[ClaimsKey.Length..];
            var path = rest.StartsWith('.')
                ? rest[1..].Split('.')
                : rest.Trim('[', ']').Split("][", StringSplitOptions.None);
            return request.Claims?.Strings(path) is { Count: > 0 } claims ? claims : null;
        }

        return request.Headers.Joined(name) is { } joined ? [joined] : null;
    }

    private static bool MatchString(StringMatchSpec spec, string value)
    {
        if (spec.Exact is not null)
        {
            return value == spec.Exact;
        }

        if (spec.Prefix is not null)
        {
            return value.StartsWith(spec.Prefix, StringComparison.Ordinal);
        }

        return spec.Regex is null || FullRegex(spec.Regex).IsMatch(value);
    }

    private static Regex FullRegex(string pattern) =>
        s_regexes.GetOrAdd(pattern, p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant | RegexOptions.Compiled));
}
