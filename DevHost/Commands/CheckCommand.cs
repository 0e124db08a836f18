using System.CommandLine;
using AspireAuth.Mesh.Check;

namespace AspireAuth.DevHost.Commands;

/// <summary><c>aspireauth check</c>: evaluates requests against Istio YAML offline, as a gateway or sidecar would.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = new Option<string[]>("--config")
        {
            Description = "A YAML file (multi-document) or a folder of *.yaml/*.yml, read recursively. Repeatable.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var workload = new Option<string>("--workload")
        {
            Description = "The proxy's workload: <namespace>:<key>=<value>[,<key>=<value>...].",
            Required = true,
        };
        var request = new Option<string>("--request")
        {
            Description = "A JSON request object or array of objects, from a file or - for stdin.",
            Required = true,
        };
        var now = new Option<long?>("--now") { Description = "Unix seconds used for exp/nbf checks (default: the real clock)." };
        var rootNamespace = new Option<string?>("--root-namespace") { Description = "The mesh root namespace (default istio-system)." };
        var jwksFiles = JwksFileOption.Create();
        var command = new Command("check", "Evaluate requests against Istio YAML offline and print the outcome as JSON.")
        {
            config, workload, request, now, rootNamespace, jwksFiles,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!JwksFileOption.TryRead(parseResult, jwksFiles, out var files))
            {
                return 2;
            }

            var options = new CheckOptions
            {
                ConfigPaths = parseResult.GetValue(config) ?? [],
                Workload = parseResult.GetValue(workload)!,
                Request = parseResult.GetValue(request)!,
                Now = parseResult.GetValue(now),
                RootNamespace = parseResult.GetValue(rootNamespace),
                JwksFiles = files,

                // ${VAR} placeholders are substituted from the environment, as envsubst does in the OPEA guide.
                Variables = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                    .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal),
            };
            return await CheckRunner.RunAsync(options, Console.In, Console.Out, Console.Error, cancellationToken: cancellationToken);
        });
        return command;
    }
}
