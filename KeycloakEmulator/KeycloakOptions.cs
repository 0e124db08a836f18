namespace AspireAuth.KeycloakEmulator;

/// <summary>The <c>Keycloak</c> configuration section.</summary>
public sealed class KeycloakOptions
{
    public const string SectionName = "Keycloak";

    /// <summary>A folder of realm exports (<c>*-realm.json</c> or <c>*.json</c>), or one file. Default <c>config/realms</c>.</summary>
    public string RealmsPath { get; set; } = Path.Combine("config", "realms");

    /// <summary>
    /// Keycloak's <c>hostname</c> option: a fixed frontend URL (e.g. <c>http://localhost:8180</c>) used for the issuer
    /// whatever host the request used. Empty: the issuer follows the request's host, as Keycloak does without
    /// <c>KC_HOSTNAME</c>.
    /// </summary>
    public string? Hostname { get; set; }

    /// <summary>A folder where realm signing keys are kept across restarts (<c>&lt;realm&gt;.pem</c>); empty: new keys each start.</summary>
    public string? KeysPath { get; set; }
}
