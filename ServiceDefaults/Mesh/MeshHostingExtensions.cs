using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Model;
using AspireAuth.ServiceDefaults.Mesh;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the mesh (configuration store, engine, ext_authz, telemetry) and the sidecar middleware.</summary>
public static class MeshHostingExtensions
{
    /// <summary>Adds the mesh services when the <c>Mesh</c> section names a configuration; does nothing otherwise.</summary>
    public static TBuilder AddMesh<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(MeshOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(MeshOptions.ConfigPath)]))
        {
            return builder;
        }

        builder.Services.AddOptions<MeshOptions>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshOptions>, MeshOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<MeshConfigurationStore>();
        builder.Services.TryAddSingleton<IJwksProvider>(sp => new HttpJwksProvider(new HttpClient(new SocketsHttpHandler { UseProxy = false }))
        {
            LocalFiles = JwksFileMap.Parse(sp.GetRequiredService<IOptions<MeshOptions>>().Value.JwksFiles, "Mesh:JwksFiles", out _),
        });
        builder.Services.TryAddSingleton(sp => new RequestAuthenticator(sp.GetRequiredService<IJwksProvider>(), new VerifiedTokenCache()));
        builder.Services.TryAddSingleton<MeshEvaluator>();
        builder.Services.TryAddSingleton<ClusterServiceResolver>();
        builder.Services.TryAddSingleton<ExtAuthzClient>();
        builder.Services.TryAddSingleton<MeshTelemetry>();
        builder.Services.TryAddSingleton<DecisionLog>();
        builder.Services.TryAddSingleton<MeshPipeline>();
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(MeshTelemetry.MeterName));
        return builder;
    }

    /// <summary>
    /// Enforces the policies selecting this service's workload (the sidecar); a no-op when the mesh is off.
    /// The workload is <c>Mesh:Workload</c>, else the service's name (<c>OTEL_SERVICE_NAME</c>), in the declarations.
    /// </summary>
    public static WebApplication UseMeshSidecar(this WebApplication app, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pipeline = app.Services.GetService<MeshPipeline>();
        if (pipeline is null)
        {
            return app;
        }

        var name = app.Configuration["OTEL_SERVICE_NAME"] ?? serviceName;
        var workload = pipeline.Store.ResolveWorkload(name);
        app.UseMiddleware<MeshSidecarMiddleware>(workload);
        return app;
    }

    /// <summary>The workload of this process, for hosts that enforce the mesh themselves (the gateway).</summary>
    public static Workload ResolveMeshWorkload(this MeshPipeline pipeline, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(configuration);
        return pipeline.Store.ResolveWorkload(configuration["OTEL_SERVICE_NAME"] ?? serviceName);
    }
}
