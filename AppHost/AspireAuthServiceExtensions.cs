namespace AspireAuth.AppHost;

/// <summary>The AspireAuth services, wired as DevHost wires them: same names, ports, configuration keys and order.</summary>
public static class AspireAuthServiceExtensions
{
    /// <summary>The generated secret parameter holding oauth2-proxy's cookie secret (32 bytes, as oauth2-proxy requires).</summary>
    public const string CookieSecretParameter = "oauth2-proxy-cookie-secret";

    /// <summary>oauth2-proxy's environment variable for <c>session_store_type</c>.</summary>
    public const string SessionStoreTypeVariable = "OAUTH2_PROXY_SESSION_STORE_TYPE";

    /// <summary>
    /// ChatQnA v1: the <c>chatqna</c> workload (its namespace and labels come from <c>config/workloads.yaml</c>), with its
    /// <c>VERSION</c> (the <c>x-chatqna-version</c> header).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddChatQna(
        this IDistributedApplicationBuilder builder,
        RepositoryLayout layout,
        LocalValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return builder.AddAspireAuthService<Projects.ChatQnaStub>(ResourceNames.ChatQna, values.Ports.ChatQna)
            .WithEnvironment("VERSION", "v1")
            .WithMesh(layout, values);
    }

    /// <summary>
    /// ChatQnA v2 for the routing scenarios: <c>VERSION=v2</c>, and the sidecar identity of the <c>chatqna</c> workload with
    /// the label <c>version: v2</c> (<c>app: chatqna</c>, so the policies selecting ChatQnA protect it too). The gateway sends
    /// it traffic when the configuration declares a <c>chatqna-v2</c> workload behind the ChatQnA Service (the routing
    /// samples); the default scenario does not.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddChatQnaV2(
        this IDistributedApplicationBuilder builder,
        RepositoryLayout layout,
        LocalValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return builder.AddAspireAuthService<Projects.ChatQnaStub>(ResourceNames.ChatQnaV2, values.Ports.ChatQnaV2)
            .WithEnvironment("VERSION", "v2")
            .WithMesh(layout, values)
            .WithEnvironment("Mesh__Workload", ResourceNames.ChatQna)
            .WithEnvironment("Mesh__Labels__app", ResourceNames.ChatQna)
            .WithEnvironment("Mesh__Labels__version", "v2");
    }

    /// <summary>
    /// OAuthProxy with oauth2-proxy's own config file (<c>--config=</c>, as the cluster's container args), Redis sessions
    /// (<c>ConnectionStrings__redis</c>) or, without <paramref name="redis"/>, cookie sessions
    /// (<c>OAUTH2_PROXY_SESSION_STORE_TYPE=cookie</c>, which beats the file as in oauth2-proxy), the identity provider, and
    /// the secrets the config file leaves to the environment: the client secret from the realm export and a generated
    /// cookie secret.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddOAuthProxy(
        this IDistributedApplicationBuilder builder,
        RepositoryLayout layout,
        LocalValues values,
        IResourceBuilder<IResourceWithServiceDiscovery> identity,
        IResourceBuilder<RedisResource>? redis)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(values);
        var cookieSecret = builder.AddParameter(
            CookieSecretParameter,
            new GenerateParameterDefault { MinLength = 32, Special = false },
            secret: true,
            persist: true);
        var proxy = builder.AddAspireAuthService<Projects.OAuthProxy>(ResourceNames.OAuthProxy, values.Ports.OAuthProxy)
            .WithMesh(layout, values)
            .WithReference(identity)
            .WaitFor(identity)
            .WithEnvironment("OAUTH2_PROXY_COOKIE_SECRET", cookieSecret);
        if (redis is null)
        {
            proxy.WithEnvironment(SessionStoreTypeVariable, "cookie");
        }
        else
        {
            proxy.WithReference(redis).WaitFor(redis);
        }

        if (values.OAuthProxyClient?.Secret is { } clientSecret)
        {
            proxy.WithEnvironment("OAUTH2_PROXY_CLIENT_SECRET", clientSecret);
        }

        if (File.Exists(layout.OAuthProxyConfigFile))
        {
            proxy.WithArgs($"--config={layout.OAuthProxyConfigFile}");
        }

        return proxy;
    }

    /// <summary>
    /// The ingress gateway: external, on 8080, after the identity provider (JWKS), OAuthProxy (ext_authz) and the
    /// upstreams it routes to, with the chat UI's URL and the mesh commands in the dashboard.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway(
        this IDistributedApplicationBuilder builder,
        RepositoryLayout layout,
        LocalValues values,
        IResourceBuilder<IResourceWithServiceDiscovery> identity,
        IResourceBuilder<ProjectResource> oauthProxy,
        params IResourceBuilder<ProjectResource>[] upstreams)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(upstreams);
        var gateway = builder.AddAspireAuthService<Projects.Gateway>(ResourceNames.Gateway, values.Ports.Gateway)
            .WithExternalHttpEndpoints()
            .WithMesh(layout, values)
            .WithReference(identity)
            .WaitFor(identity)
            .WithReference(oauthProxy)
            .WaitFor(oauthProxy);
        foreach (var upstream in upstreams)
        {
            gateway.WithReference(upstream).WaitFor(upstream);
        }

        return gateway
            .WithUrl(values.ChatUrl, "Chat UI (sign in)")
            .WithMeshCommands();
    }
}
