namespace AspireAuth.AppHost;

/// <summary>
/// The resource names, which are also the service-discovery names the services use to find each other
/// (<c>services__&lt;name&gt;__http__0</c>) and the workload names in <c>config/workloads.yaml</c>. They equal the services'
/// own <c>XxxApplication.ResourceName</c> constants (the AppHost does not load the services' assemblies; a model test
/// keeps the two in step).
/// </summary>
public static class ResourceNames
{
    /// <summary>The ingress gateway (<c>GatewayApplication.ResourceName</c>).</summary>
    public const string Gateway = "gateway";

    /// <summary>ChatQnA, version v1 (<c>ChatQnaStubApplication.ResourceName</c>).</summary>
    public const string ChatQna = "chatqna";

    /// <summary>ChatQnA, version v2: the second instance for the routing scenarios.</summary>
    public const string ChatQnaV2 = "chatqna-v2";

    /// <summary>The identity provider: the Keycloak container or the KeycloakEmulator project.</summary>
    public const string Keycloak = "keycloak";

    /// <summary>OAuthProxy (<c>OAuthProxyApplication.ResourceName</c>).</summary>
    public const string OAuthProxy = "oauth2-proxy";

    /// <summary>Redis, the OAuthProxy session store; also the connection-string name (<c>ConnectionStrings:redis</c>).</summary>
    public const string Redis = "redis";
}
