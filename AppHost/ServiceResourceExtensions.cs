namespace AspireAuth.AppHost;

/// <summary>
/// How every AspireAuth .NET service is added: its project as a resource, one <c>http</c> endpoint on the service's
/// default port (no launch profile: the ports are DevHost's), Development like under DevHost, and a health check on
/// ServiceDefaults' <c>/health</c>.
/// </summary>
public static class ServiceResourceExtensions
{
    /// <summary>The endpoint every service serves on (service discovery: <c>services__&lt;name&gt;__http__0</c>).</summary>
    public const string EndpointName = "http";

    /// <summary>ServiceDefaults' readiness endpoint (every health check).</summary>
    public const string HealthPath = "/health";

    /// <summary>Adds a service project; <paramref name="port"/> null gives it a free port.</summary>
    public static IResourceBuilder<ProjectResource> AddAspireAuthService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        int? port,
        string healthPath = HealthPath)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(port: port, name: EndpointName)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithHttpHealthCheck(healthPath, endpointName: EndpointName);
    }
}
