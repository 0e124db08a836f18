using AspireAuth.Gateway.Routing;

namespace AspireAuth.Gateway;

/// <summary>
/// The ingress gateway (the <c>istio-ingressgateway</c> workload). For now a plain YARP route from <c>/</c> to the
/// ChatQnA service; Istio's authentication, authorization and routing are applied by later stages.
/// </summary>
public static class GatewayApplication
{
    /// <summary>Service-discovery name of the gateway.</summary>
    public const string ResourceName = "gateway";

    /// <summary>Port the gateway listens on by default, as the OPEA guide's port-forward does.</summary>
    public const int DefaultPort = 8080;

    /// <summary>Builds the gateway application from a configured builder.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddServiceDefaults();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(DefaultRoutes.Routes, DefaultRoutes.Clusters);
        builder.Services.AddSingleton<Yarp.ReverseProxy.ServiceDiscovery.IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapReverseProxy();
        return app;
    }
}
