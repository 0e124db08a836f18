using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>
/// Development endpoints behind the dashboard's commands: reload the mesh configuration now, and list the last
/// decisions with their reasons. Mapped only when <c>Mesh:AdminEndpoints</c> is true (DevHost and the AppHost set it),
/// and answered to loopback callers only, like Envoy's admin interface.
/// </summary>
public static class MeshAdminEndpoints
{
    public const string Prefix = "/debug/mesh";

    public static IEndpointRouteBuilder MapMeshAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                ? await next(context)
                : Results.NotFound());
        group.MapPost("/reload", (MeshConfigurationStore store) =>
        {
            var reloaded = store.Reload();
            return Results.Json(new
            {
                reloaded,
                version = store.Version,
                errors = store.LastErrors.Select(e => e.ToString()).ToArray(),
            }, statusCode: reloaded ? 200 : 422);
        });
        group.MapGet("/decisions", (DecisionLog log) => Results.Json(log.Recent()));
        return app;
    }
}
