using AspireAuth.OAuthProxy.Options;

namespace AspireAuth.OAuthProxy.Sessions;

/// <summary>
/// Writes and reads the session cookie with oauth2-proxy's attributes (Path, Domain, HttpOnly, Secure, SameSite, Max-Age),
/// splitting values over 4000 characters into <c>name_0</c>, <c>name_1</c>, ... and clearing every part.
/// </summary>
internal sealed class SessionCookies(OAuthProxyOptions options)
{
    private const int MaxCookieLength = 4000;

    public string Name => options.CookieName;

    public string? Read(HttpContext context)
    {
        var cookies = context.Request.Cookies;
        if (cookies.TryGetValue(options.CookieName, out var whole))
        {
            return whole;
        }

        var parts = new List<string>();
        for (var i = 0; cookies.TryGetValue($"{options.CookieName}_{i}", out var part); i++)
        {
            parts.Add(part);
        }

        return parts.Count == 0 ? null : string.Concat(parts);
    }

    public void Write(HttpContext context, string value)
    {
        Clear(context);
        var cookieOptions = Options(context, options.CookieExpire);
        var headerLength = $"{options.CookieName}={value}; path={options.CookiePath}; max-age={(long)options.CookieExpire.TotalSeconds}; httponly; secure; samesite=lax".Length;
        if (headerLength <= MaxCookieLength)
        {
            context.Response.Cookies.Append(options.CookieName, value, cookieOptions);
            return;
        }

        var chunk = MaxCookieLength - (headerLength - value.Length) - 4;
        for (int i = 0, offset = 0; offset < value.Length; i++, offset += chunk)
        {
            context.Response.Cookies.Append($"{options.CookieName}_{i}", value.Substring(offset, Math.Min(chunk, value.Length - offset)), cookieOptions);
        }
    }

    public void Clear(HttpContext context)
    {
        foreach (var name in context.Request.Cookies.Keys.Where(n => n == options.CookieName || (n.StartsWith(options.CookieName + "_", StringComparison.Ordinal) && n[(options.CookieName.Length + 1)..].All(char.IsAsciiDigit))))
        {
            context.Response.Cookies.Append(name, string.Empty, Options(context, TimeSpan.FromSeconds(-1)));
        }
    }

    public CookieOptions Options(HttpContext context, TimeSpan maxAge) => new()
    {
        Path = options.CookiePath,
        Domain = Domain(context.Request.Host.Host),
        HttpOnly = options.CookieHttpOnly,
        Secure = options.CookieSecure,
        SameSite = options.CookieSameSite switch
        {
            "lax" => SameSiteMode.Lax,
            "strict" => SameSiteMode.Strict,
            "none" => SameSiteMode.None,
            _ => SameSiteMode.Unspecified,
        },
        MaxAge = maxAge == TimeSpan.Zero ? null : maxAge,
    };

    /// <summary>The longest configured domain the host ends with; otherwise the last one (oauth2-proxy's rule).</summary>
    private string? Domain(string host)
    {
        if (options.CookieDomains.Count == 0)
        {
            return null;
        }

        var sorted = options.CookieDomains.OrderByDescending(d => d.Length).ToArray();
        return sorted.FirstOrDefault(d => host.EndsWith(d.TrimStart('.'), StringComparison.OrdinalIgnoreCase)) ?? sorted[^1];
    }
}
