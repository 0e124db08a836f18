using System.Text.RegularExpressions;

namespace AspireAuth.Mesh.Authorization;

/// <summary>The <c>when</c> keys istiod accepts (B.5).</summary>
internal static partial class ConditionKeys
{
    private static readonly HashSet<string> s_plain = new(StringComparer.Ordinal)
    {
        "source.ip", "source.namespace", "source.principal", "source.serviceAccount", "source.trustDomain", "remote.ip",
        "request.auth.principal", "request.auth.audiences", "request.auth.presenter", "destination.ip", "destination.port",
        "connection.sni",
    };

    private static readonly HashSet<string> s_rejected = new(StringComparer.Ordinal)
    {
        "destination.labels", "destination.namespace", "destination.name", "destination.user",
    };

    public static string? Validate(string key)
    {
        if (s_plain.Contains(key))
        {
            return null;
        }

        if (key.StartsWith("request.headers", StringComparison.Ordinal))
        {
            return Headers().IsMatch(key) ? null : "must be request.headers[<name>]";
        }

        if (key.StartsWith("request.auth.claims", StringComparison.Ordinal))
        {
            return Claims().IsMatch(key) ? null : "must be request.auth.claims[<name>] or request.auth.claims[<a>][<b>]...";
        }

        if (key.StartsWith("experimental.envoy.filters.", StringComparison.Ordinal))
        {
            return Experimental().IsMatch(key) ? null : "must be experimental.envoy.filters.<filter>[<key>]";
        }

        return s_rejected.Contains(key) ? $"{key} is not supported" : $"unknown attribute: {key}";
    }

    public static bool IsIdentityKey(string key) =>
        key is "source.namespace" or "source.serviceAccount" or "source.trustDomain" or "source.principal"
        || key.StartsWith("request.auth.", StringComparison.Ordinal);

    /// <summary>The claim path of <c>request.auth.claims[a][b]</c>.</summary>
    public static string[] ClaimPath(string key) =>
        Claims().Match(key).Groups[1].Captures.Select(c => c.Value).ToArray();

    /// <summary>The header name of <c>request.headers[name]</c>.</summary>
    public static string HeaderName(string key) => Headers().Match(key).Groups[1].Value;

    [GeneratedRegex(@"^request\.headers\[([^\[\]]+)\]$")]
    private static partial Regex Headers();

    [GeneratedRegex(@"^request\.auth\.claims(?:\[([^\[\]]+)\])+$")]
    private static partial Regex Claims();

    [GeneratedRegex(@"^experimental\.envoy\.filters\.[^\[\]]+\[[^\[\]]+\]$")]
    private static partial Regex Experimental();
}
