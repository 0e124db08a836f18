using AspireAuth.DevHost.Commands;

namespace AspireAuth.DevHost.Tests;

public sealed class AspireAuthCliTests
{
    [Theory]
    [InlineData(new string[0], new[] { "up" })]
    [InlineData(new[] { "--port-offset", "5" }, new[] { "up", "--port-offset", "5" })]
    [InlineData(new[] { "up", "--gateway-port", "1" }, new[] { "up", "--gateway-port", "1" })]
    [InlineData(new[] { "--help" }, new[] { "--help" })]
    public void WithDefaultCommand_PrependsUpUnlessASubcommandOrHelpIsGiven(string[] args, string[] expected)
    {
        Assert.Equal(expected, AspireAuthCli.WithDefaultCommand(AspireAuthCli.CreateRootCommand(), args));
    }
}
