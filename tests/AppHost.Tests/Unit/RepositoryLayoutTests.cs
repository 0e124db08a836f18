using Microsoft.Extensions.Configuration;

namespace AspireAuth.AppHost.Tests.Unit;

public class RepositoryLayoutTests
{
    [Fact]
    public void Find_WalksUpToTheFolderWithTheSolution()
    {
        var start = Path.Combine(TestPaths.RepositoryRoot, "AppHost", "bin", "Debug");

        var layout = RepositoryLayout.Find(start);

        Assert.Equal(Path.GetFullPath(TestPaths.RepositoryRoot).TrimEnd('/'), layout.Root);
        Assert.Equal(Path.Combine(layout.Root, "config", "istio"), layout.IstioDirectory);
        Assert.Equal(Path.Combine(layout.Root, "config", "realms"), layout.RealmsDirectory);
        Assert.Equal(Path.Combine(layout.Root, "config", "workloads.yaml"), layout.WorkloadsFile);
        Assert.Equal(Path.Combine(layout.Root, "config", "oauth2-proxy", "oauth2-proxy.cfg"), layout.OAuthProxyConfigFile);
    }

    [Fact]
    public void WithConfiguration_RunsAnotherConfigurationFolder_AsDevHostsConfigOption()
    {
        var root = TestPaths.NewTempDirectory();
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "samples", "routing"));
            var layout = new RepositoryLayout(root);

            var sample = layout.WithConfiguration(Config("samples/routing"));

            Assert.Equal(Path.Combine(root, "samples", "routing"), sample.ConfigDirectory);
            Assert.Equal(Path.Combine(root, "samples", "routing", "istio"), sample.IstioDirectory);
            Assert.Equal(Path.Combine(root, "config", "realms"), sample.RealmsDirectory); // no realms/ of its own
            Directory.CreateDirectory(Path.Combine(root, "samples", "routing", "realms"));
            Assert.Equal(Path.Combine(root, "samples", "routing", "realms"), sample.RealmsDirectory);
            Assert.Same(layout, layout.WithConfiguration(Config(null)));
            var ex = Assert.Throws<DirectoryNotFoundException>(() => layout.WithConfiguration(Config("samples/none")));
            Assert.Equal($"AspireAuth:ConfigPath is 'samples/none': no such folder ({Path.Combine(root, "samples", "none")}).", ex.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IConfiguration Config(string? path) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(path is null ? [] : [new KeyValuePair<string, string?>(RepositoryLayout.ConfigPathKey, path)])
            .Build();

    [Fact]
    public void Find_OutsideTheRepository_SaysWhatItLookedFor()
    {
        var directory = TestPaths.NewTempDirectory();
        try
        {
            var ex = Assert.Throws<DirectoryNotFoundException>(() => RepositoryLayout.Find(directory));

            Assert.Equal(
                $"No AspireAuth.sln found in '{directory}' or above it: the AppHost reads config/ from the repository root.",
                ex.Message);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }
}
