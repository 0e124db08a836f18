using System.Text.RegularExpressions;

namespace AspireAuth.AppHost.Tests.Model;

/// <summary>
/// The AppHost's names and ports are the services' own constants (it cannot reference their assemblies: Aspire's
/// dependency versions differ from theirs), so this reads the constants from the services' sources.
/// </summary>
public partial class ResourceNameTests
{
    [Theory]
    [InlineData("Gateway/GatewayApplication.cs", ResourceNames.Gateway, DefaultPorts.Gateway)]
    [InlineData("ChatQnaStub/ChatQnaStubApplication.cs", ResourceNames.ChatQna, DefaultPorts.ChatQna)]
    [InlineData("KeycloakEmulator/KeycloakEmulatorApplication.cs", ResourceNames.Keycloak, DefaultPorts.Keycloak)]
    [InlineData("OAuthProxy/OAuthProxyApplication.cs", ResourceNames.OAuthProxy, DefaultPorts.OAuthProxy)]
    public void AppHostConstants_EqualTheServicesOwn(string file, string resourceName, int defaultPort)
    {
        var source = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, file));

        Assert.Equal(resourceName, ResourceNameConstant().Match(source).Groups[1].Value);
        Assert.Equal(defaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture), DefaultPortConstant().Match(source).Groups[1].Value);
    }

    [GeneratedRegex("""const string ResourceName = "([^"]+)";""")]
    private static partial Regex ResourceNameConstant();

    [GeneratedRegex("""const int DefaultPort = (\d+);""")]
    private static partial Regex DefaultPortConstant();
}
