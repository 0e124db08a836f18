using System.Net;
using System.Net.Sockets;

namespace AspireAuth.AppHost.Tests.EndToEnd;

/// <summary>
/// A port offset (<c>AspireAuth:PortOffset</c>) under which every fixed port of the environment is free, so end-to-end
/// tests never bind the defaults (8080, 8888, 8889, 8180, 4180) a developer's environment may be using.
/// </summary>
internal static class FreePorts
{
    public static int FindOffset()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var offset = Random.Shared.Next(10_000, 50_000);
            var ports = HostPorts.WithOffset(offset);
            if (new[] { ports.Gateway, ports.ChatQna, ports.ChatQnaV2, ports.Keycloak, ports.OAuthProxy }.All(IsFree))
            {
                return offset;
            }
        }

        throw new InvalidOperationException("No port offset between 10000 and 50000 leaves all five ports free.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
