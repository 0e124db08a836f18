namespace AspireAuth.DevHost.Hosting;

/// <summary>One service of the environment: how DevHost builds it and which services it references.</summary>
/// <param name="Name">Service-discovery name, as the AppHost names the resource.</param>
/// <param name="DisplayName">Name shown in the URL table.</param>
/// <param name="ApplicationName">The service's assembly name (its <c>IHostEnvironment.ApplicationName</c>).</param>
/// <param name="DefaultPort">Port used when no option overrides it.</param>
/// <param name="Build">Builds the service's application from a prepared builder.</param>
/// <param name="References">Services whose endpoints this one receives, as Aspire's <c>WithReference</c> injects them.</param>
/// <param name="Note">What to open at this URL, shown in the URL table.</param>
internal sealed record ServiceDefinition(
    string Name,
    string DisplayName,
    string ApplicationName,
    int DefaultPort,
    Func<WebApplicationBuilder, WebApplication> Build,
    IReadOnlyList<string> References,
    string Note);
