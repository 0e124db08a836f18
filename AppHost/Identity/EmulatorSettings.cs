namespace AspireAuth.AppHost.Identity;

/// <summary>
/// The environment variables the AppHost gives KeycloakEmulator, the same keys DevHost gives it in process.
/// </summary>
public static class EmulatorSettings
{
    /// <summary>The folder of realm exports to serve (DevHost: <c>config/realms</c>).</summary>
    public const string RealmsDirectory = "KeycloakEmulator__RealmsDirectory";

    /// <summary>Keycloak's <c>hostname</c> option: the fixed frontend URL the issuer is built from.</summary>
    public const string Hostname = "KC_HOSTNAME";
}
