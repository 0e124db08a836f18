using System.Reflection;

namespace AspireAuth.AppHost.Tests;

/// <summary>Where the repository is, from the <c>RepositoryRoot</c> assembly metadata (tests/Directory.Build.props).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static RepositoryLayout Layout { get; } = new(Path.GetFullPath(RepositoryRoot));

    /// <summary>A fresh folder under the system's temp folder, removed by the caller.</summary>
    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "aspireauth-apphost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
