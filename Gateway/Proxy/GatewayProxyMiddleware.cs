using AspireAuth.Mesh.Model;
using AspireAuth.ServiceDefaults.Mesh;
using Yarp.ReverseProxy.Forwarder;

namespace AspireAuth.Gateway.Proxy;

/// <summary>
/// The ingress gateway: the mesh filter chain (normalisation, CUSTOM, JWT, RBAC, route) and then YARP forwarding to
/// the routed destination, picked by weight and subset. No instance, or an unreachable one, is Envoy's 503
/// <c>no healthy upstream</c>.
/// </summary>
internal sealed partial class GatewayProxyMiddleware(
    RequestDelegate next,
    MeshPipeline pipeline,
    ClusterServiceResolver resolver,
    IHttpForwarder forwarder,
    Workload workload,
    ILogger<GatewayProxyMiddleware> logger)
{
    public const string NoHealthyUpstream = "no healthy upstream";

    private static readonly HttpMessageInvoker s_client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    });

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath, StringComparison.Ordinal)
            || path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var evaluation = await pipeline.EnforceAsync(context, workload);
        if (evaluation is null)
        {
            return;
        }

        if (evaluation.Route is not { } route || route.Destinations.Count == 0)
        {
            // No Gateway selects this workload, or a route without destinations: Envoy has no route (404).
            await MeshHttp.WriteLocalReplyAsync(context, 404, string.Empty, [], null);
            return;
        }

        var destination = WeightedPicker.Pick(route.Destinations, Random.Shared);
        var ns = route.VirtualService?.Id.Namespace ?? workload.Namespace;
        var target = await resolver.ResolveAsync(destination.Host, ns, destination.SubsetLabels, context.RequestAborted);
        if (target is null)
        {
            Log.NoHealthyUpstream(logger, destination.Host, destination.Subset, "no instance declared or discovered");
            await WriteNoHealthyUpstreamAsync(context);
            return;
        }

        MeshHttp.ApplyUpstream(context, evaluation);
        var authority = route.Authority ?? context.Request.Host.Value ?? string.Empty;
        var error = await forwarder.SendAsync(context, target.GetLeftPart(UriPartial.Authority), s_client,
            new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(10) },
            new UpstreamTransformer(route.Path, authority));
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            Log.NoHealthyUpstream(logger, destination.Host, destination.Subset, error.ToString());
            context.Response.Clear();
            await WriteNoHealthyUpstreamAsync(context);
        }
    }

    private static Task WriteNoHealthyUpstreamAsync(HttpContext context) =>
        MeshHttp.WriteLocalReplyAsync(context, 503, NoHealthyUpstream, [], null);

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Warning, "No healthy upstream for {Host} (subset {Subset}): {Error}", EventName = "GatewayNoHealthyUpstream")]
        public static partial void NoHealthyUpstream(ILogger logger, string host, string? subset, string error);
    }
}
