namespace AspireAuth.AppHost;

/// <summary>
/// Host ports, the same as DevHost's defaults (the services' <c>XxxApplication.DefaultPort</c>), so URLs, issuers and
/// redirect URIs are the same whichever host started the environment.
/// </summary>
public static class DefaultPorts
{
    /// <summary>The gateway, as the OPEA guide's port-forward (<c>INGRESS_PORT</c>).</summary>
    public const int Gateway = 8080;

    /// <summary>ChatQnA v1 (OPEA's <c>MEGA_SERVICE_PORT</c>).</summary>
    public const int ChatQna = 8888;

    /// <summary>ChatQnA v2, next to v1 as under DevHost.</summary>
    public const int ChatQnaV2 = ChatQna + 1;

    /// <summary>Keycloak or the emulator. Fixed, so the issuer (<c>http://localhost:8180/realms/...</c>) survives restarts.</summary>
    public const int Keycloak = 8180;

    /// <summary>OAuthProxy, as oauth2-proxy.</summary>
    public const int OAuthProxy = 4180;
}
