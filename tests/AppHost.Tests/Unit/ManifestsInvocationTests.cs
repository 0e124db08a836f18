using AspireAuth.AppHost.Publishing;
using Microsoft.Extensions.Configuration;

namespace AspireAuth.AppHost.Tests.Unit;

public class ManifestsInvocationTests
{
    private static readonly RepositoryLayout s_layout = new("/repo");

    [Fact]
    public void Create_RunsDevHostsManifestsCommandFromTheRepositoryRoot()
    {
        var invocation = ManifestsInvocation.Create(
            "/usr/bin/dotnet", "/repo/DevHost/DevHost.csproj", s_layout, "/out/istio", new IstioBundleOptions(null, null, false));

        Assert.Equal("/usr/bin/dotnet", invocation.FileName);
        Assert.Equal("/repo", invocation.WorkingDirectory);
        Assert.Equal(
            ["run", "--project", "/repo/DevHost/DevHost.csproj", "--no-launch-profile", "--", "manifests", "--output", "/out/istio", "--config", "/repo/config"],
            invocation.Arguments);
    }

    [Fact]
    public void Create_PassesValuesNamespaceAndStrict_ResolvingValuesAgainstTheRoot()
    {
        var invocation = ManifestsInvocation.Create(
            "dotnet", "/repo/DevHost/DevHost.csproj", s_layout, "/out/istio", new IstioBundleOptions("cluster/values.yaml", "chatqa", true));

        Assert.Equal(
            ["--values", "/repo/cluster/values.yaml", "--namespace", "chatqa", "--strict"],
            invocation.Arguments.Skip(10));
    }

    [Fact]
    public void ToString_QuotesArgumentsWithSpaces()
    {
        var invocation = ManifestsInvocation.Create(
            "dotnet", "/my repo/DevHost/DevHost.csproj", new RepositoryLayout("/my repo"), "/out", new IstioBundleOptions(null, null, false));

        Assert.Equal(
            "dotnet run --project \"/my repo/DevHost/DevHost.csproj\" --no-launch-profile -- manifests --output /out --config \"/my repo/config\"",
            invocation.ToString());
    }

    [Fact]
    public void Options_AreReadFromTheIstioBundleSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IstioBundle:Values"] = "values.yaml",
            ["IstioBundle:Namespace"] = "chatqa",
            ["IstioBundle:Strict"] = "True",
        }).Build();

        Assert.Equal(new IstioBundleOptions("values.yaml", "chatqa", true), IstioBundleOptions.From(configuration));
        Assert.Equal(new IstioBundleOptions(null, null, false), IstioBundleOptions.From(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void Options_StrictThatIsNotABoolean_IsRejectedNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["IstioBundle:Strict"] = "yes" }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => IstioBundleOptions.From(configuration));

        Assert.Equal("IstioBundle:Strict is 'yes': use true or false.", ex.Message);
    }
}
