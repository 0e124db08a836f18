namespace AspireAuth.AppHost;

/// <summary>Where the repository's <c>config/</c> files are, found from the AppHost's directory.</summary>
/// <param name="Root">The repository root (the folder holding <c>AspireAuth.sln</c>).</param>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "AspireAuth.sln";

    /// <summary><c>config/</c>: the cluster's own files, the source of truth.</summary>
    public string ConfigDirectory => Path.Combine(Root, "config");

    /// <summary><c>config/istio/</c>: the Istio YAML the gateway and the sidecars enforce.</summary>
    public string IstioDirectory => Path.Combine(ConfigDirectory, "istio");

    /// <summary><c>config/realms/</c>: Keycloak realm exports.</summary>
    public string RealmsDirectory => Path.Combine(ConfigDirectory, "realms");

    /// <summary><c>config/workloads.yaml</c>: namespace, labels and service account of each workload.</summary>
    public string WorkloadsFile => Path.Combine(ConfigDirectory, "workloads.yaml");

    /// <summary><c>config/oauth2-proxy/oauth2-proxy.cfg</c>: oauth2-proxy's own configuration file.</summary>
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
}
