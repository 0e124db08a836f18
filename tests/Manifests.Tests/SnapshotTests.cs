namespace AspireAuth.Manifests.Tests;

/// <summary>
/// The default scenario's bundle, compared file by file with the reviewed snapshot in Snapshots/default. After an
/// intended change, regenerate with ASPIREAUTH_UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void DefaultBundle_MatchesTheReviewedSnapshot()
    {
        var bundle = BundleFixture.Render();
        var snapshot = Path.Combine(BundleFixture.RepositoryRoot, "tests", "Manifests.Tests", "Snapshots", "default");
        if (Environment.GetEnvironmentVariable("ASPIREAUTH_UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(snapshot))
            {
                Directory.Delete(snapshot, recursive: true);
            }

            bundle.WriteTo(snapshot);
        }

        var expected = Directory.EnumerateFiles(snapshot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(snapshot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, bundle.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        foreach (var file in bundle.Files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(snapshot, file.Path)), file.Content);
        }
    }
}
