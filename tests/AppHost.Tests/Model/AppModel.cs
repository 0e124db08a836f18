using Microsoft.Extensions.Logging.Abstractions;

namespace AspireAuth.AppHost.Tests.Model;

/// <summary>
/// The AppHost's application model, built by running its Program up to <c>Build()</c> through Aspire.Hosting.Testing:
/// no orchestrator, no container runtime, nothing started.
/// </summary>
internal static class AppModel
{
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] args) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args, TestContext.Current.CancellationToken);

    /// <summary>The containers and projects (not parameters, nor the hidden "-rebuilder" helpers Aspire adds per project).</summary>
    public static IEnumerable<IResource> AppResources(this IDistributedApplicationTestingBuilder builder) =>
        builder.Resources.Where(r => r is ContainerResource or ProjectResource);

    public static T Resource<T>(this IDistributedApplicationTestingBuilder builder, string name)
        where T : IResource =>
        Assert.IsType<T>(Assert.Single(builder.Resources, r => r.Name == name), exactMatch: false);

    /// <summary>The resource's environment as the manifest would show it (endpoints as expressions, nothing allocated).</summary>
    public static async Task<Dictionary<string, string>> EnvironmentAsync(this IResource resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, TestContext.Current.CancellationToken);
        return configuration.EnvironmentVariables.ToDictionary();
    }

    /// <summary>The resource's arguments as the manifest would show them.</summary>
    public static async Task<string[]> ArgumentsAsync(this IResource resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithArgumentsConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, TestContext.Current.CancellationToken);
        return configuration.Arguments.Select(a => a.Value).ToArray();
    }

    public static EndpointAnnotation HttpEndpoint(this IResource resource) =>
        Assert.Single(resource.Annotations.OfType<EndpointAnnotation>(), e => e.Name == "http");

    public static IReadOnlyList<string> CommandNames(this IResource resource) =>
        resource.Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name).ToArray();

    public static IReadOnlyList<string> WaitsFor(this IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).Order(StringComparer.Ordinal).ToArray();
}
