using System.Net;

namespace AspireAuth.Mesh.Authorization;

/// <summary>An IP address or CIDR range, as <c>ipBlocks</c> and <c>source.ip</c> take them.</summary>
public readonly record struct IpBlock(IPNetwork Network)
{
    public static bool TryParse(string text, out IpBlock block)
    {
        block = default;
        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (IPNetwork.TryParse(text, out var network))
            {
                block = new IpBlock(network);
                return true;
            }

            return false;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            block = new IpBlock(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            return true;
        }

        return false;
    }

    public bool Contains(IPAddress? address) =>
        address is not null && address.AddressFamily == Network.BaseAddress.AddressFamily && Network.Contains(address);
}
