using System.CommandLine;
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
        var command = new Command(Name, "Start the whole environment in one process, with no containers (default).")
        {
            portOffset,
        };

        var portOptions = new Dictionary<string, Option<int?>>(StringComparer.Ordinal);
        foreach (var service in ServiceCatalog.All)
        {
            var option = new Option<int?>($"--{service.Name}-port")
            {
                Description = $"Port of {service.DisplayName} (default {service.DefaultPort}).",
            };
            portOptions[service.Name] = option;
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var offset = parseResult.GetValue(portOffset);
            var ports = ServiceCatalog.All.ToDictionary(
                s => s.Name,
                s => parseResult.GetValue(portOptions[s.Name]) ?? s.DefaultPort + offset,
                StringComparer.Ordinal);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOn(stop));
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOn(stop));
            return await RunAsync(new DevEnvironmentOptions { Ports = ports }, stop.Token);
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

        await using (environment)
        {
            Console.WriteLine(UrlTable.Render(environment.Services));
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
