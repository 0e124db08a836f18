namespace AspireAuth.DevHost.Hosting;

/// <summary>One service of the environment: how DevHost builds it and which services it references.</summary>
/// <param name="Name">Service-discovery name, as the AppHost names the resource (and the workload declaration).</param>
/// <param name="DisplayName">Name shown in the URL table.</param>
/// <param name="ApplicationName">The service's assembly name (its <c>IHostEnvironment.ApplicationName</c>).</param>
/// <param name="DefaultPort">Port used when no option overrides it.</param>
/// <param name="Build">Builds the service's application from a prepared builder.</param>
/// <param name="References">Services whose endpoints this one receives, as Aspire's <c>WithReference</c> injects them.</param>
/// <param name="Note">What to open at this URL, shown in the URL table.</param>
/// <param name="Environment">Settings of this service alone (e.g. <c>VERSION</c>), as the AppHost's <c>WithEnvironment</c>.</param>
/// <param name="Args">Command-line arguments, as the AppHost's <c>WithArgs</c> (oauth2-proxy's <c>--config=</c>).</param>
internal sealed record ServiceDefinition(
    string Name,
    string DisplayName,
    string ApplicationName,
    int DefaultPort,
    Func<WebApplicationBuilder, WebApplication> Build,
    IReadOnlyList<string> References,
    string Note,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string>? Args = null);
