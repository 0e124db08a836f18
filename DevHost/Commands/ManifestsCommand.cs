using System.CommandLine;
using AspireAuth.DevHost.Hosting;
using AspireAuth.Manifests;

namespace AspireAuth.DevHost.Commands;

/// <summary><c>aspireauth manifests</c>: renders the Istio bundle for a real cluster from <c>config/</c>.</summary>
internal static class ManifestsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "Folder to write the bundle to.", Required = true };
        var values = new Option<string?>("--values") { Description = "YAML map of cluster values (KEYCLOAK_ADDR, CLIENT_SECRET, ...)." };
        var ns = new Option<string?>("--namespace") { Description = "Application namespace (default: the workloads' namespace)." };
        var config = new Option<string?>("--config") { Description = "Configuration folder (default: config/ of the repository)." };
        var strict = new Option<bool>("--strict") { Description = "Refuse to render while any value is still a placeholder." };
        var command = new Command("manifests", "Render the cluster bundle (kubectl apply -k) from the same configuration.") { output, values, ns, config, strict };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var root = parseResult.GetValue(config) ?? LocalConfiguration.FindDefaultRoot();
            if (root is null)
            {
                await Console.Error.WriteLineAsync("error: no config/ folder found; give --config <folder>");
                return 2;
            }

            try
            {
                var bundle = ManifestRenderer.Render(new ManifestOptions
                {
                    ConfigRoot = root,
                    ValuesFile = parseResult.GetValue(values),
                    Namespace = parseResult.GetValue(ns),
                    Strict = parseResult.GetValue(strict),
                });
                var directory = parseResult.GetValue(output)!;
                bundle.WriteTo(directory);
                Console.WriteLine($"Wrote {bundle.Files.Count} files to {directory}.");
                if (bundle.Placeholders.Count > 0)
                {
                    Console.WriteLine($"Still to fill in (see {Path.Combine(directory, "README.md")}): {string.Join(", ", bundle.Placeholders)}");
                }

                return 0;
            }
            catch (Exception ex) when (ex is InvalidOperationException or AspireAuth.Mesh.Loading.ConfigValidationException or IOException or FormatException or YamlDotNet.Core.YamlException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
