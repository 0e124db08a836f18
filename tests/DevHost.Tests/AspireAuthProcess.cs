using System.Diagnostics;
using System.Text;

namespace AspireAuth.DevHost.Tests;

/// <summary>The <c>aspireauth</c> executable as a child process, with its output captured.</summary>
internal sealed class AspireAuthProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _lock = new();

    private AspireAuthProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_lock)
            {
                return _error.ToString();
            }
        }
    }

    public static AspireAuthProcess Start(string arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "aspireauth.dll");
        var info = new ProcessStartInfo("dotnet", $"exec \"{dll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var process = new Process { StartInfo = info };
        var wrapper = new AspireAuthProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(wrapper._output, e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Append(wrapper._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aspireauth exited ({_process.ExitCode}) before printing '{text}'.\n{Output}\n{Error}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"aspireauth did not print '{text}' in {timeout}.\n{Output}\n{Error}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGINT, what Ctrl+C sends.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", $"-INT {_process.Id}");
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void KillIfRunning()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose() => _process.Dispose();

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            target.AppendLine(line);
        }
    }
}
