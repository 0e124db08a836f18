namespace AspireAuth.Mesh.Routing;

/// <summary>Host matching for VirtualService and Gateway hosts (E.1): port ignored, case-insensitive, <c>*.x</c> wildcards.</summary>
internal static class HostMatcher
{
    public static string StripPort(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority : authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    /// <summary>Qualifies a short name (no dot) with a namespace, as Istio does for VirtualService hosts.</summary>
    public static string Qualify(string host, string ns) =>
        host == "*" || host.Contains('.', StringComparison.Ordinal) ? host : $"{host}.{ns}.svc.cluster.local";

    public static bool Matches(string pattern, string host)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1;
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }
}
