namespace AspireAuth.AppHost.Identity;

/// <summary>
/// The environment variables the AppHost gives KeycloakEmulator (its <c>Keycloak</c> options section), the keys DevHost
/// gives it in process.
/// </summary>
public static class EmulatorSettings
{
    /// <summary>The folder of realm exports to serve (<c>Keycloak:RealmsPath</c>; DevHost: <c>config/realms</c>).</summary>
    public const string RealmsDirectory = "Keycloak__RealmsPath";

    /// <summary>Keycloak's <c>hostname</c> option (<c>Keycloak:Hostname</c>): the fixed frontend URL the issuer is built from.</summary>
    public const string Hostname = "Keycloak__Hostname";
}
