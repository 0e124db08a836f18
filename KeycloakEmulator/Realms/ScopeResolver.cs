namespace AspireAuth.KeycloakEmulator.Realms;

/// <summary>The client scopes a token gets: the client's default scopes, plus requested optional ones.</summary>
public static class ScopeResolver
{
    public static IReadOnlyList<ClientScopeModel> Resolve(RealmModel realm, ClientModel client, string? requested)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(client);
        var asked = (requested ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var defaults = client.DefaultClientScopes ?? realm.DefaultDefaultClientScopes;
        var optional = client.OptionalClientScopes ?? realm.DefaultOptionalClientScopes;
        return defaults.Concat(optional.Where(asked.Contains))
            .Distinct(StringComparer.Ordinal)
            .Select(name => realm.ClientScopes.GetValueOrDefault(name))
            .Where(s => s is not null)
            .Select(s => s!)
            .ToArray();
    }

    public static bool RequestsOpenId(string? requested) =>
        (requested ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("openid", StringComparer.Ordinal);
}
