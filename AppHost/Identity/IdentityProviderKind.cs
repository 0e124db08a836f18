namespace AspireAuth.AppHost.Identity;

/// <summary>Which identity provider the AppHost runs as the <c>keycloak</c> resource.</summary>
public enum IdentityProviderKind
{
    /// <summary>The real Keycloak container (needs a container runtime). The default.</summary>
    Keycloak,

    /// <summary>The KeycloakEmulator project: same realm files, same issuer, no container.</summary>
    Emulator,
}
