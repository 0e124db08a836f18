using System.Net;
using System.Net.Sockets;

namespace AspireAuth.DevHost.Tests;

/// <summary>Free loopback ports for tests (never the environment's defaults).</summary>
internal static class Ports
{
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
