using AspireAuth.KeycloakEmulator.Realms;

namespace AspireAuth.KeycloakEmulator.Tokens;

/// <summary>A realm as one request sees it: its model, key and issuer (<c>&lt;frontend&gt;/realms/&lt;realm&gt;</c>).</summary>
public sealed record RealmContext(RealmModel Realm, RealmKey Key, string BaseUrl)
{
    public string Issuer => $"{BaseUrl}/realms/{Realm.Name}";

    public string OidcBase => $"{Issuer}/protocol/openid-connect";
}
