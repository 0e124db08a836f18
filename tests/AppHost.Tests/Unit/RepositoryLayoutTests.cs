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
