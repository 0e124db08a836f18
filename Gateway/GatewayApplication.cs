using AspireAuth.Gateway.Proxy;
using AspireAuth.Gateway.Routing;
using AspireAuth.ServiceDefaults.Mesh;

namespace AspireAuth.Gateway;

/// <summary>
/// The ingress gateway (the <c>istio-ingressgateway</c> workload): Istio's filter chain from <c>config/istio/</c> applied
/// to every request, then YARP forwarding to the VirtualService's destination. Without a mesh configuration it is a
/// plain route from <c>/</c> to ChatQnA.
/// </summary>
public static class GatewayApplication
{
    /// <summary>Service-discovery name of the gateway.</summary>
    public const string ResourceName = "gateway";

    /// <summary>Port the gateway listens on by default, as the OPEA guide's port-forward does.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The workload an Istio ingress gateway is, when no declaration says otherwise.</summary>
    public const string DefaultWorkload = "istio-system:istio=ingressgateway,app=istio-ingressgateway";

    /// <summary>Builds the gateway application from a configured builder.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddServiceDefaults();
        var meshEnabled = builder.Services.Any(s => s.ServiceType == typeof(MeshPipeline));
        if (meshEnabled)
        {
            builder.Services.AddHttpForwarder();
        }
        else
        {
            builder.Services.AddReverseProxy().LoadFromMemory(DefaultRoutes.Routes, DefaultRoutes.Clusters);
            builder.Services.AddSingleton<Yarp.ReverseProxy.ServiceDiscovery.IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        }

        var app = builder.Build();
        app.MapDefaultEndpoints();
        if (meshEnabled)
        {
            var pipeline = app.Services.GetRequiredService<MeshPipeline>();
            var configured = app.Configuration["Mesh:Workload"] is not null || pipeline.Store.Catalog.Find(app.Configuration["OTEL_SERVICE_NAME"] ?? ResourceName) is not null
                || app.Configuration.GetSection("Mesh:Labels").Exists();
            var workload = configured
                ? pipeline.ResolveMeshWorkload(app.Configuration, ResourceName)
                : AspireAuth.Mesh.Model.Workload.Parse(DefaultWorkload);
            app.UseMiddleware<GatewayProxyMiddleware>(workload);
        }
        else
        {
            app.MapReverseProxy();
        }

        return app;
    }
}
