using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AspireAuth.AppHost;

/// <summary>
/// The fixed host ports of the environment: <see cref="DefaultPorts"/> moved by <c>AspireAuth:PortOffset</c> (as DevHost's
/// <c>--port-offset</c>), for a machine where the defaults are taken, and for tests, which never bind the defaults.
/// </summary>
public sealed record HostPorts(int Gateway, int ChatQna, int ChatQnaV2, int Keycloak, int OAuthProxy)
{
    /// <summary>The configuration key of the offset (<c>AspireAuth__PortOffset=1000</c> puts the gateway on 9080).</summary>
    public const string OffsetKey = "AspireAuth:PortOffset";

    /// <summary>The default ports.</summary>
    public static HostPorts Default { get; } = WithOffset(0);

    /// <summary>The default ports moved by <paramref name="offset"/>.</summary>
    public static HostPorts WithOffset(int offset) => new(
        DefaultPorts.Gateway + offset,
        DefaultPorts.ChatQna + offset,
        DefaultPorts.ChatQnaV2 + offset,
        DefaultPorts.Keycloak + offset,
        DefaultPorts.OAuthProxy + offset);

    /// <summary>The ports for <see cref="OffsetKey"/>; an offset that is not a number or leaves the port range is rejected.</summary>
    public static HostPorts From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[OffsetKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var highest = Math.Max(Math.Max(DefaultPorts.Gateway, DefaultPorts.ChatQnaV2), Math.Max(DefaultPorts.Keycloak, DefaultPorts.OAuthProxy));
        var lowest = Math.Min(Math.Min(DefaultPorts.Gateway, DefaultPorts.ChatQna), Math.Min(DefaultPorts.Keycloak, DefaultPorts.OAuthProxy));
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset)
            || lowest + offset < 1 || highest + offset > 65535)
        {
            throw new InvalidOperationException(
                $"{OffsetKey} is '{text}': use a whole number that keeps every port between 1 and 65535 (from {1 - lowest} to {65535 - highest}).");
        }

        return WithOffset(offset);
    }
}
