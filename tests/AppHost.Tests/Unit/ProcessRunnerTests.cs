using System.Diagnostics;
using AspireAuth.AppHost.Publishing;

namespace AspireAuth.AppHost.Tests.Unit;

public class ProcessRunnerTests
{
    private static ManifestsInvocation Shell(string script, string workingDirectory) =>
        new("/bin/sh", ["-c", script], workingDirectory);

    [Fact]
    public async Task RunAsync_PassesOnEveryLine_AndReportsExitCodeAndErrorTail()
    {
        Assert.SkipUnless(File.Exists("/bin/sh"), "needs /bin/sh");
        var lines = new List<(string Line, bool IsError)>();

        var outcome = await ProcessRunner.RunAsync(
            Shell("echo rendered; echo 'missing value' 1>&2; pwd; exit 3", Path.GetTempPath()),
            (line, isError) => { lock (lines) { lines.Add((line, isError)); } },
            TestContext.Current.CancellationToken);

        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal(["missing value"], outcome.ErrorTail);
        Assert.Contains(("rendered", false), lines);
        Assert.Contains(("missing value", true), lines);
        Assert.Contains((Path.GetTempPath().TrimEnd('/'), false), lines);
    }

    [Fact]
    public async Task RunAsync_KeepsTheLastTwentyErrorLines()
    {
        Assert.SkipUnless(File.Exists("/bin/sh"), "needs /bin/sh");

        var outcome = await ProcessRunner.RunAsync(
            Shell("i=1; while [ $i -le 25 ]; do echo e$i 1>&2; i=$((i+1)); done", Path.GetTempPath()),
            (_, _) => { },
            TestContext.Current.CancellationToken);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(Enumerable.Range(6, 20).Select(i => $"e{i}"), outcome.ErrorTail);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProcess()
    {
        Assert.SkipUnless(File.Exists("/bin/sh"), "needs /bin/sh");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = new TaskCompletionSource<int>();
        var stopwatch = Stopwatch.StartNew();

        var run = ProcessRunner.RunAsync(
            Shell("echo $$; exec sleep 60", Path.GetTempPath()),
            (line, _) => started.TrySetResult(int.Parse(line, System.Globalization.CultureInfo.InvariantCulture)),
            cancellation.Token);
        var pid = await started.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid)); // gone
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_SaysWhichOne()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ProcessRunner.RunAsync(
            new ManifestsInvocation("/nonexistent/dotnet", [], Path.GetTempPath()), (_, _) => { }, TestContext.Current.CancellationToken));

        Assert.Contains("/nonexistent/dotnet", ex.Message, StringComparison.Ordinal);
    }
}
