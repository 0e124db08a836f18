namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>
/// Keycloak's redirect URI rules: a registered URI matches exactly, or, ending in <c>*</c>, as a prefix of the requested
/// URI without its query; <c>*</c> alone matches anything; a relative registered URI is taken against the root URL.
/// </summary>
public static class RedirectUriMatcher
{
    public static bool Matches(ClientModel client, string redirectUri)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var requested) || !string.IsNullOrEmpty(requested.Fragment))
        {
            return false;
        }

        var root = client.Attributes.GetValueOrDefault("rootUrl") ?? string.Empty;
        foreach (var registered in client.RedirectUris)
        {
            var pattern = registered.StartsWith('/') ? root.TrimEnd('/') + registered : registered;
            if (pattern == "*")
            {
                return true;
            }

            if (pattern.EndsWith('*'))
            {
                var withoutQuery = requested.GetLeftPart(UriPartial.Path);
                if (withoutQuery.StartsWith(pattern[..^1], StringComparison.Ordinal)
                    || (pattern.EndsWith("/*", StringComparison.Ordinal) && withoutQuery == pattern[..^2]))
                {
                    return true;
                }
            }
            else if (string.Equals(pattern, redirectUri, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
