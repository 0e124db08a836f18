using System.Text.RegularExpressions;

namespace AspireAuth.OAuthProxy.Redirects;

/// <summary>
/// oauth2-proxy's <c>IsValidRedirect</c>: relative paths without a hidden second slash, or http(s) URLs whose host
/// and port are on the <c>whitelist_domains</c> list. Absolute URLs are parsed as Go's <c>url.Parse</c> would reject
/// them: a backslash, whitespace or control character in the authority is an error, userinfo ends at the last <c>@</c>,
/// and the authority ends at the first <c>/</c>, <c>?</c> or <c>#</c>. Default ports are not normalised.
/// </summary>
public sealed partial class RedirectValidator(IReadOnlyList<string> whitelist)
{
    public bool IsValid(string? redirect)
    {
        if (string.IsNullOrEmpty(redirect))
        {
            return false;
        }

        if (redirect.StartsWith('/') && !redirect.StartsWith("//", StringComparison.Ordinal))
        {
            return !HiddenSlash().IsMatch(redirect);
        }

        if (redirect.StartsWith("http://", StringComparison.Ordinal) || redirect.StartsWith("https://", StringComparison.Ordinal))
        {
            return TryParseAuthority(redirect, out var host, out var port) && IsEndpointAllowed(host, port);
        }

        return false;
    }

    private static bool TryParseAuthority(string url, out string host, out string port)
    {
        host = port = string.Empty;
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        if (authority.Any(c => c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = authority.LastIndexOf('@');
        var hostPort = at < 0 ? authority : authority[(at + 1)..];
        if (at >= 0 && authority[..at].Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = hostPort[1..close];
            var tail = hostPort[(close + 1)..];
            if (tail.Length > 0 && (!tail.StartsWith(':') || !tail[1..].All(char.IsAsciiDigit)))
            {
                return false;
            }

            port = tail.Length > 0 ? tail[1..] : string.Empty;
            return true;
        }

        var colon = hostPort.LastIndexOf(':');
        host = colon < 0 ? hostPort : hostPort[..colon];
        port = colon < 0 ? string.Empty : hostPort[(colon + 1)..];
        if (!port.All(char.IsAsciiDigit) || host.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        // Go rejects percent-escapes that are not valid in a host ("invalid URL escape").
        return !host.Contains('%', StringComparison.Ordinal) || ValidHostEscapes().IsMatch(host);
    }

    private bool IsEndpointAllowed(string host, string port)
    {
        foreach (var entry in whitelist)
        {
            var (allowedHost, allowedPort) = SplitHostPort(entry);
            if (allowedHost.Length == 0 || !IsHostnameAllowed(host, allowedHost))
            {
                continue;
            }

            if (allowedPort == "*" || allowedPort == port)
            {
                return true;
            }
        }

        return false;
    }

    private static (string Host, string Port) SplitHostPort(string entry)
    {
        var colon = entry.LastIndexOf(':');
        if (colon >= 0)
        {
            var port = entry[(colon + 1)..];
            if (port == "*" || (port.Length > 0 && port.All(char.IsAsciiDigit)))
            {
                return (entry[..colon].Trim('[', ']'), port);
            }
        }

        return (entry.Trim('[', ']'), string.Empty);
    }

    private static bool IsHostnameAllowed(string host, string allowed) =>
        host == (allowed.StartsWith('.') ? allowed[1..] : allowed)
        || (allowed.StartsWith("*.", StringComparison.Ordinal) && host == allowed[2..])
        || (allowed.StartsWith('.') && host.EndsWith(allowed, StringComparison.Ordinal))
        || (allowed.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(allowed[1..], StringComparison.Ordinal));

    [GeneratedRegex(@"[/\\](?:[\t\n\f\r \v]*|\.{1,2})[/\\]")]
    private static partial Regex HiddenSlash();

    [GeneratedRegex(@"^(?:[^%]|%[0-9A-Fa-f]{2})*$")]
    private static partial Regex ValidHostEscapes();
}
