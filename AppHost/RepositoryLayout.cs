using Microsoft.Extensions.Configuration;

namespace AspireAuth.AppHost;

/// <summary>Where the repository and its configuration folder (<c>config/</c> by default) are.</summary>
/// <param name="Root">The repository root (the folder holding <c>AspireAuth.sln</c>).</param>
/// <param name="ConfigDirectory">The configuration folder: <c>config/</c>, or another (a sample) by <see cref="ConfigPathKey"/>.</param>
public sealed record RepositoryLayout(string Root, string ConfigDirectory)
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "AspireAuth.sln";

    /// <summary>
    /// Runs another configuration folder, relative to the repository root, as DevHost's <c>--config</c> does
    /// (<c>AspireAuth__ConfigPath=samples/routing</c>).
    /// </summary>
    public const string ConfigPathKey = "AspireAuth:ConfigPath";

    /// <summary>The layout with <c>config/</c> under <paramref name="root"/>.</summary>
    public RepositoryLayout(string root)
        : this(root, Path.Combine(root, "config"))
    {
    }

    /// <summary><c>istio/</c>: the Istio YAML the gateway and the sidecars enforce.</summary>
    public string IstioDirectory => Path.Combine(ConfigDirectory, "istio");

    /// <summary>
    /// <c>realms/</c>: Keycloak realm exports. A configuration folder without one (a sample) uses the repository's
    /// <c>config/realms/</c>, as DevHost does.
    /// </summary>
    public string RealmsDirectory => Directory.Exists(Path.Combine(ConfigDirectory, "realms"))
        ? Path.Combine(ConfigDirectory, "realms")
        : Path.Combine(Root, "config", "realms");

    /// <summary><c>workloads.yaml</c>: namespace, labels and service account of each workload.</summary>
    public string WorkloadsFile => Path.Combine(ConfigDirectory, "workloads.yaml");

    /// <summary><c>oauth2-proxy/oauth2-proxy.cfg</c>: oauth2-proxy's own configuration file.</summary>
    public string OAuthProxyConfigFile => Path.Combine(ConfigDirectory, "oauth2-proxy", "oauth2-proxy.cfg");

    /// <summary>
    /// The repository holding <paramref name="startDirectory"/>: the nearest folder upwards with
    /// <see cref="SolutionFileName"/> (the AppHost may run from its project folder or from its build output).
    /// </summary>
    public static RepositoryLayout Find(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(startDirectory);
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return new RepositoryLayout(directory.FullName);
            }
        }

        throw new DirectoryNotFoundException(
            $"No {SolutionFileName} found in '{startDirectory}' or above it: the AppHost reads config/ from the repository root.");
    }

    /// <summary>This layout with the configuration folder named by <see cref="ConfigPathKey"/>, which must exist.</summary>
    public RepositoryLayout WithConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[ConfigPathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return this;
        }

        var directory = Path.GetFullPath(path, Root);
        return Directory.Exists(directory)
            ? this with { ConfigDirectory = directory }
            : throw new DirectoryNotFoundException($"{ConfigPathKey} is '{path}': no such folder ({directory}).");
    }
}
