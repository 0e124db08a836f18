namespace AspireAuth.AppHost.Publishing;

/// <summary>
/// The command line that renders the Istio bundle: DevHost's <c>aspireauth manifests</c>, run with
/// <c>dotnet run --project DevHost</c> from the repository root on the AppHost's configuration folder, so
/// <c>aspire publish</c> writes exactly what <c>aspireauth manifests --config &lt;folder&gt;</c> writes. The renderer runs in its own process: the AppHost never loads its assemblies
/// (KubernetesClient, YamlDotNet), whose versions differ from the ones Aspire itself runs on.
/// </summary>
public sealed record ManifestsInvocation(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>The DevHost command that renders the bundle.</summary>
    public const string CommandName = "manifests";

    /// <summary>Builds the invocation writing the bundle into <paramref name="outputDirectory"/>.</summary>
    public static ManifestsInvocation Create(
        string dotnetPath,
        string devHostProjectPath,
        RepositoryLayout layout,
        string outputDirectory,
        IstioBundleOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(dotnetPath);
        ArgumentException.ThrowIfNullOrEmpty(devHostProjectPath);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);

        var arguments = new List<string>
        {
            "run", "--project", devHostProjectPath, "--no-launch-profile", "--",
            CommandName, "--output", Path.GetFullPath(outputDirectory), "--config", layout.ConfigDirectory,
        };
        if (options.ValuesFile is not null)
        {
            arguments.AddRange(["--values", Path.GetFullPath(options.ValuesFile, layout.Root)]);
        }

        if (options.Namespace is not null)
        {
            arguments.AddRange(["--namespace", options.Namespace]);
        }

        if (options.Strict)
        {
            arguments.Add("--strict");
        }

        return new ManifestsInvocation(dotnetPath, arguments, layout.Root);
    }

    /// <summary>The <c>dotnet</c> that runs the AppHost (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> from the PATH.</summary>
    public static string DotnetHostPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    /// <summary>The command line as a person would type it, for messages.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { FileName }.Concat(Arguments).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
