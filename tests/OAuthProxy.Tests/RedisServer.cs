using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AspireAuth.OAuthProxy.Tests;

/// <summary>A real redis-server on a free loopback port (apt's redis-server; .ci/run installs it).</summary>
internal sealed class RedisServer : IDisposable
{
    private Process? _process;

    public RedisServer()
    {
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    public static string Executable => new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server; .ci/run does it)");

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo(Executable, ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Ping())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("redis-server did not start");
            }

            Thread.Sleep(50);
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public string Command(string command)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, Port);
        using var stream = client.GetStream();
        var request = System.Text.Encoding.ASCII.GetBytes(command + "\r\n");
        stream.Write(request);
        var buffer = new byte[4096];
        var read = stream.Read(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }

    public void Dispose() => Stop();

    private bool Ping()
    {
        try
        {
            return Command("PING").StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
