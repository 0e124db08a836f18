using Microsoft.Extensions.Configuration;

namespace AspireAuth.AppHost.Tests.Unit;

public class HostPortsTests
{
    private static IConfiguration Config(string? offset) => new ConfigurationBuilder()
        .AddInMemoryCollection(offset is null ? [] : [new KeyValuePair<string, string?>(HostPorts.OffsetKey, offset)])
        .Build();

    [Fact]
    public void From_WithoutOffset_GivesDevHostsDefaults()
    {
        Assert.Equal(new HostPorts(8080, 8888, 8889, 8180, 4180), HostPorts.From(Config(null)));
    }

    [Fact]
    public void From_Offset_MovesEveryPort()
    {
        Assert.Equal(new HostPorts(9080, 9888, 9889, 9180, 5180), HostPorts.From(Config("1000")));
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-4180")]
    [InlineData("60000")]
    public void From_BadOffset_IsRejectedNamingTheKey(string offset)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => HostPorts.From(Config(offset)));

        Assert.StartsWith($"AspireAuth:PortOffset is '{offset}': use a whole number", ex.Message, StringComparison.Ordinal);
        Assert.Contains("from -4179 to 56646", ex.Message, StringComparison.Ordinal);
    }
}
