namespace AspireAuth.DevHost.Hosting;

/// <summary>How <see cref="DevEnvironment"/> starts the services.</summary>
internal sealed record DevEnvironmentOptions
{
    /// <summary>Port per service name; a service without an entry gets its default port.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>Extra variables for every service (values DevHost substitutes for <c>${VAR}</c>, say).</summary>
    public IReadOnlyDictionary<string, string> SharedEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Minimum level of the services' own log categories.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
