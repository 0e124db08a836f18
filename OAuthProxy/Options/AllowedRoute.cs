using System.Text.RegularExpressions;

namespace AspireAuth.OAuthProxy.Options;

/// <summary>
/// One <c>skip_auth_routes</c> entry (<c>[METHOD=]regex</c>, or <c>[METHOD]!=regex</c> for every path that does not
/// match) or <c>skip_auth_regex</c> entry (a path regex for every method), as oauth2-proxy's
/// <c>buildRoutesAllowlist</c> parses them: split at the first <c>=</c> or <c>!=</c>, method upper-cased.
/// </summary>
public sealed record AllowedRoute(string? Method, bool Negate, Regex Path)
{
    private static readonly Regex s_separator = new("!?=", RegexOptions.CultureInvariant);

    /// <summary>Parses a <c>skip_auth_routes</c> entry; the error names the entry when its regex does not compile.</summary>
    public static AllowedRoute? ParseRoute(string spec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var separator = s_separator.Match(spec);
        var (method, path) = separator.Success
            ? (spec[..separator.Index].ToUpperInvariant(), spec[(separator.Index + separator.Length)..])
            : (string.Empty, spec);
        var regex = Compile(path, out error);
        return regex is null ? null : new AllowedRoute(method.Length == 0 ? null : method, separator.Success && separator.Value == "!=", regex);
    }

    /// <summary>Parses a <c>skip_auth_regex</c> (or <c>api_routes</c>) entry: a path regex for every method.</summary>
    public static Regex? Compile(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            error = null;
            return new Regex(path, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            error = $"error compiling regex /{path}/: {ex.Message}";
            return null;
        }
    }

    /// <summary><c>isAllowedRoute</c>: the method (when given) must be the request's; then the path matches, or for <c>!=</c> does not.</summary>
    public bool Allows(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.Ordinal)) && Path.IsMatch(path) != Negate;
}
