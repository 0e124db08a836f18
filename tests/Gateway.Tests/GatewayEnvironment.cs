using System.Reflection;

namespace AspireAuth.Gateway.Tests;

/// <summary>
/// A gateway (and optionally ChatQnaStub with its sidecar) on loopback, configured like DevHost does: a folder of
/// Istio YAML, workload declarations, and the service-discovery keys of each upstream.
/// </summary>
internal sealed class GatewayEnvironment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private GatewayEnvironment(string configRoot) => ConfigRoot = configRoot;

    public static string RepositoryRoot { get; } = typeof(GatewayEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public string ConfigRoot { get; }

    public string IstioPath => Path.Combine(ConfigRoot, "istio");

    public LoopbackApp Gateway { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Dictionary<string, string> Services { get; } = new(StringComparer.Ordinal);

    public static GatewayEnvironment Create(string workloadsYaml, params (string File, string Yaml)[] istio)
    {
        var root = Directory.CreateTempSubdirectory("gateway-test-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "istio"));
        File.WriteAllText(Path.Combine(root, "workloads.yaml"), workloadsYaml);
        var environment = new GatewayEnvironment(root);
        foreach (var (file, yaml) in istio)
        {
            environment.Write(file, yaml);
        }

        return environment;
    }

    public void Write(string file, string yaml) => File.WriteAllText(Path.Combine(IstioPath, file), yaml);

    public T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>Settings a service gets (as DevHost gives them): mesh paths, explanations, and every known service's URL.</summary>
    public Dictionary<string, string?> Settings(string serviceName, IDictionary<string, string>? variables = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mesh:ConfigPath"] = IstioPath,
            ["Mesh:WorkloadsFile"] = Path.Combine(ConfigRoot, "workloads.yaml"),
            ["Mesh:ExplainResponses"] = "true",
            ["Mesh:ReloadDelay"] = "00:00:00.100",
            ["OTEL_SERVICE_NAME"] = serviceName,
        };
        foreach (var (name, url) in Services)
        {
            settings[$"services:{name}:http:0"] = url;
        }

        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
        {
            settings[$"Mesh:Variables:{key}"] = value;
        }

        return settings;
    }

    public async Task StartChatQnaAsync(string name = "chatqna", IDictionary<string, string>? variables = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(Settings(name, variables));
        var app = Own(await LoopbackApp.StartAsync(builder, ChatQnaStub.ChatQnaStubApplication.Build));
        Services[name] = app.Authority;
    }

    public async Task StartGatewayAsync(IDictionary<string, string>? variables = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(Settings("gateway", variables));
        Gateway = Own(await LoopbackApp.StartAsync(builder, GatewayApplication.Build));
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Gateway.Url };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        try
        {
            Directory.Delete(ConfigRoot, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder; the temp folder is cleaned by the OS.
        }
    }
}
