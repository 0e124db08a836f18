namespace AspireAuth.DevHost.Hosting;

/// <summary>A started service and the URL it listens on.</summary>
internal sealed record RunningService(ServiceDefinition Definition, Uri Url, WebApplication App);
