namespace AspireAuth.DevHost.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl+C to DevHost: the services share one process, and DevHost stops them in order.
/// </summary>
internal sealed class DevHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
