using AspireAuth.Mesh.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>
/// The sidecar: enforces the RequestAuthentication and AuthorizationPolicy documents that select this service's
/// workload, with the gateway's engine and responses. Health probes bypass it, as Istio rewrites kubelet probes.
/// </summary>
internal sealed class MeshSidecarMiddleware(RequestDelegate next, MeshPipeline pipeline, Workload workload)
{
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

        MeshHttp.ApplyUpstream(context, evaluation);
        var upstream = evaluation.UpstreamPath;
        var query = upstream.IndexOf('?', StringComparison.Ordinal);
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(upstream[query..]);
        await next(context);
    }
}
