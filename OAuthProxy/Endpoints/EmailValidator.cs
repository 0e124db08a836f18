using AspireAuth.OAuthProxy.Options;

namespace AspireAuth.OAuthProxy.Endpoints;

/// <summary>
/// <c>email_domains</c> (oauth2-proxy's validator.go): case-insensitive, exactly one <c>@</c>; <c>*</c> admits all;
/// <c>d</c> admits <c>x@d</c>; <c>.d</c> and <c>*.d</c> admit subdomains of d only.
/// </summary>
internal sealed class EmailValidator(OAuthProxyOptions options)
{
    public bool IsValid(string email)
    {
        var address = email.Trim().ToLowerInvariant();
        if (address.Count(c => c == '@') != 1)
        {
            return false;
        }

        var domain = address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..];
        foreach (var allowed in options.EmailDomains.Select(d => d.ToLowerInvariant()))
        {
            if (allowed == "*")
            {
                return true;
            }

            if (allowed.StartsWith("*.", StringComparison.Ordinal) || allowed.StartsWith('.'))
            {
                if (domain.EndsWith(allowed.TrimStart('*'), StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (domain == allowed)
            {
                return true;
            }
        }

        return false;
    }
}
