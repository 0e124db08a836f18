using System.Diagnostics;

namespace AspireAuth.AppHost.Publishing;

/// <summary>Runs an invocation to its end, passing each output line on as it comes; cancellation kills the process tree.</summary>
public static class ProcessRunner
{
    private const int ErrorTailLines = 20;
    private static readonly TimeSpan s_killTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="invocation"/>; <paramref name="onLine"/> gets each line and whether it came from stderr.</summary>
    public static async Task<ProcessOutcome> RunAsync(ManifestsInvocation invocation, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(onLine);
        var startInfo = new ProcessStartInfo(invocation.FileName)
        {
            WorkingDirectory = invocation.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in invocation.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{invocation.FileName}'.");
        var errorTail = new Queue<string>();
        var stdout = PumpAsync(process.StandardOutput, line => onLine(line, false));
        var stderr = PumpAsync(process.StandardError, line =>
        {
            onLine(line, true);
            lock (errorTail)
            {
                errorTail.Enqueue(line);
                if (errorTail.Count > ErrorTailLines)
                {
                    errorTail.Dequeue();
                }
            }
        });

        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(s_killTimeout);
            throw;
        }

        await Task.WhenAll(stdout, stderr);
        lock (errorTail)
        {
            return new ProcessOutcome(process.ExitCode, errorTail.ToArray());
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }
}
