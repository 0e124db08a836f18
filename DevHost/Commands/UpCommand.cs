using System.CommandLine;
using Microsoft.Extensions.Options;
using System.Runtime.InteropServices;
using AspireAuth.DevHost.Hosting;

namespace AspireAuth.DevHost.Commands;

/// <summary><c>aspireauth up</c>: every service of the environment in this process, no containers.</summary>
internal static class UpCommand
{
    public const string Name = "up";

    public static Command Create()
    {
        var portOffset = new Option<int>("--port-offset")
        {
            Description = "Added to every default port (e.g. 1000 puts the gateway on 9080).",
        };
        var config = new Option<string?>("--config")
        {
            Description = "Configuration folder (istio/, workloads.yaml), e.g. samples/routing. Default: config/ of the repository.",
        };
        var jwksFiles = JwksFileOption.Create();
        var command = new Command(Name, "Start the whole environment in one process, with no containers (default).")
        {
            portOffset,
            config,
            jwksFiles,
        };

        var portOptions = new Dictionary<string, Option<int?>>(StringComparer.Ordinal);
        foreach (var (name, displayName, defaultPort) in ServiceCatalog.Known)
        {
            var option = new Option<int?>($"--{name}-port")
            {
                Description = $"Port of {displayName} (default {defaultPort}).",
            };
            portOptions[name] = option;
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var offset = parseResult.GetValue(portOffset);
            var ports = ServiceCatalog.Known.ToDictionary(
                s => s.Name,
                s => parseResult.GetValue(portOptions[s.Name]) ?? s.DefaultPort + offset,
                StringComparer.Ordinal);
            var root = parseResult.GetValue(config) ?? LocalConfiguration.FindDefaultRoot();
            if (!JwksFileOption.TryRead(parseResult, jwksFiles, out var files))
            {
                return 2;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOn(stop));
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOn(stop));
            return await RunAsync(new DevEnvironmentOptions { Ports = ports, ConfigRoot = root, JwksFiles = files }, stop.Token);
        });
        return command;
    }

    private static Action<PosixSignalContext> StopOn(CancellationTokenSource stop) => context =>
    {
        context.Cancel = true;
        stop.Cancel();
    };

    private static async Task<int> RunAsync(DevEnvironmentOptions options, CancellationToken cancellationToken)
    {
        DevEnvironment environment;
        try
        {
            environment = await DevEnvironment.StartAsync(options, cancellationToken);
        }
        catch (PortInUseException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is AspireAuth.Mesh.Loading.ConfigValidationException or DirectoryNotFoundException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }

        await using (environment)
        {
            Console.WriteLine(UrlTable.Render(environment.Services));
            Console.WriteLine(environment.Configuration.IstioPath is { } istio
                ? $"Istio policies: {istio} (edits apply within seconds; every response explains itself in x-mesh-explain)"
                : "No config/istio folder found: running without policies.");
            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping...");
            }
        }

        Console.WriteLine("Stopped.");
        return 0;
    }
}
