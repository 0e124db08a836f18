namespace AspireAuth.Gateway.Tests;

/// <summary>Polls a condition until it holds or the deadline passes (for effects that follow a file edit).</summary>
internal static class Eventually
{
    public static async Task<TimeSpan> TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = within ?? TimeSpan.FromSeconds(2);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return watch.Elapsed;
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"the condition did not hold within {deadline.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }
}
