using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AspireAuth.DevHost.Hosting;

/// <summary>
/// Every service of the environment running in this process, each its own <see cref="WebApplication"/> configured with
/// the keys Aspire would inject. Disposing stops them in reverse start order.
/// </summary>
internal sealed class DevEnvironment : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(5);
    private readonly List<RunningService> _services;
    private readonly DevEnvironmentOptions _options;
    private RedisProcess? _redis;

    private DevEnvironment(List<RunningService> services, DevEnvironmentOptions options)
    {
        _services = services;
        _options = options;
    }

    /// <summary>What the services were configured with.</summary>
    public LocalConfiguration Configuration { get; private init; } = LocalConfiguration.None;

    /// <summary>The running services in start order.</summary>
    public IReadOnlyList<RunningService> Services => _services;

    /// <summary>Looks up a running service by name.</summary>
    public RunningService this[string name] => _services.Single(s => s.Definition.Name == name);

    /// <summary>Starts every service of <see cref="ServiceCatalog"/>; on failure, stops those already started.</summary>
    public static async Task<DevEnvironment> StartAsync(DevEnvironmentOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = LocalConfiguration.Resolve(options);
        var started = new List<RunningService>();
        var environment = new DevEnvironment(started, options) { Configuration = config };
        try
        {
            if (config.RedisPort is { } redisPort)
            {
                environment._redis = RedisProcess.Start(redisPort);
            }

            foreach (var definition in ServiceCatalog.For(config.Workloads, config))
            {
                var port = options.Ports.TryGetValue(definition.Name, out var p) ? p : definition.DefaultPort;
                started.Add(await StartServiceAsync(definition, port, started, config, options, cancellationToken));
            }
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }

        return environment;
    }

    private static async Task<RunningService> StartServiceAsync(
        ServiceDefinition definition,
        int port,
        IReadOnlyList<RunningService> started,
        LocalConfiguration config,
        DevEnvironmentOptions options,
        CancellationToken cancellationToken)
    {
        // Aspire gives project resources a localhost URL; a dynamic port (0) needs an IP address to bind.
        var url = new Uri(port == 0 ? "http://127.0.0.1:0" : $"http://localhost:{port}");
        var referenceUrls = started.ToDictionary(s => s.Definition.Name, s => s.Url, StringComparer.Ordinal);
        var shared = config.SharedEnvironment.Concat(definition.Environment)
            .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
        var variables = AspireEnvironment.For(definition, url, referenceUrls, shared);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = definition.ApplicationName,
            EnvironmentName = variables["ASPNETCORE_ENVIRONMENT"],
            ContentRootPath = AppContext.BaseDirectory,
            Args = definition.Args?.ToArray() ?? [],
        });
        builder.Configuration.AddInMemoryCollection(AspireEnvironment.ToConfiguration(variables));
        builder.Services.AddSingleton<IHostLifetime, DevHostLifetime>();
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);

        var app = definition.Build(builder);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await app.DisposeAsync();
            throw new PortInUseException(definition.Name, port, ex);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var boundUrl = port == 0 ? new Uri(address) : url;
        return new RunningService(definition, boundUrl, app);
    }

    /// <summary>
    /// Stops one service and starts it again on the same URL with the same configuration, as restarting its process
    /// would: whatever it kept in memory is gone, whatever it kept elsewhere (redis sessions) is not.
    /// </summary>
    public async Task RestartAsync(string name, CancellationToken cancellationToken)
    {
        var index = _services.FindIndex(s => s.Definition.Name == name);
        if (index < 0)
        {
            throw new ArgumentException($"No running service named '{name}'.", nameof(name));
        }

        var service = _services[index];
        await StopAsync(service.App);
        var before = _services.Take(index).ToList();
        _services[index] = await StartServiceAsync(service.Definition, service.Url.Port, before, Configuration, _options, cancellationToken);
    }

    private static async Task StopAsync(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(s_stopTimeout);
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        for (var i = _services.Count - 1; i >= 0; i--)
        {
            await StopAsync(_services[i].App);
        }

        _services.Clear();
        _redis?.Dispose();
        _redis = null;
    }

    /// <summary>The redis-server DevHost started for oauth2-proxy sessions, if any.</summary>
    public int? RedisPort => _redis?.Port;
}
