namespace AspireAuth.DevHost.Hosting;

/// <summary>A service could not listen because its port is taken.</summary>
internal sealed class PortInUseException(string service, int port, Exception inner)
    : Exception(
        $"port {port} ({service}) is already in use; choose another with --{service}-port <port> or move every port with --port-offset <n>",
        inner)
{
    public string Service { get; } = service;

    public int Port { get; } = port;
}
