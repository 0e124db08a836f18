namespace AspireAuth.DevHost.Hosting;

/// <summary>How <see cref="DevEnvironment"/> starts the services.</summary>
internal sealed record DevEnvironmentOptions
{
    /// <summary>The configuration folder: <c>istio/</c> (Istio YAML) and <c>workloads.yaml</c>; null runs without a mesh.</summary>
    public string? ConfigRoot { get; init; }

    /// <summary>Port per service name; a service without an entry gets its default port.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Values for the Istio YAML's <c>${VAR}</c> placeholders, added to the local defaults.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary><c>jwksUri</c> values the gateway and sidecars answer from local files (<c>--jwks-file</c>).</summary>
    public IReadOnlyDictionary<string, string> JwksFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Minimum level of the services' own log categories.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
