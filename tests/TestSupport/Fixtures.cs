using System.Reflection;

namespace AspireAuth.TestSupport;

/// <summary>Paths of the shared fixtures (real data from Istio), read in place and never copied.</summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = typeof(Fixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Istio(string name) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures", "istio", name));

    public static string Read(string name) => File.ReadAllText(Istio(name)).Trim();
}
