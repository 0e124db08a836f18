using System.Reflection;

namespace AspireAuth.TestSupport;

/// <summary>Paths of the shared fixtures (real data from Istio), read in place and never copied.</summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = typeof(Fixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>
    /// <c>shared/fixtures</c> beside the repository (<c>../shared/fixtures</c>), or beside one of its parents, or the
    /// folder named by <c>ASPIREAUTH_FIXTURES</c>, or the workplace's <c>/work/shared/fixtures</c> for clones made elsewhere.
    /// </summary>
    public static string Root { get; } = FindRoot();

    public static string Istio(string name) => Path.Combine(Root, "istio", name);

    public static string OAuth2Proxy(string name) => Path.Combine(Root, "oauth2-proxy", name);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("ASPIREAUTH_FIXTURES") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        const string Workplace = "/work/shared/fixtures";
        return Directory.Exists(Workplace)
            ? Workplace
            : throw new DirectoryNotFoundException($"The shared fixtures were not found beside {RepositoryRoot}; set ASPIREAUTH_FIXTURES to their folder.");
    }

    public static string Read(string name) => File.ReadAllText(Istio(name)).Trim();
}
