using System.Reflection;

namespace AspireAuth.DevHost.Tests;

/// <summary>Configuration folders for DevHost tests: the repository's own config/, or a small one written for a test.</summary>
internal static class TestConfig
{
    public static string RepositoryRoot { get; } = typeof(TestConfig).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The default scenario (OPEA's policies) as the README runs it.</summary>
    public static string Default => Path.Combine(RepositoryRoot, "config");

    /// <summary>The gateway routing everything to ChatQnA, with no authentication or authorization policy.</summary>
    public static string RoutingOnly()
    {
        var root = Directory.CreateTempSubdirectory("devhost-config-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "istio"));
        File.Copy(Path.Combine(Default, "workloads.yaml"), Path.Combine(root, "workloads.yaml"));
        File.Copy(Path.Combine(Default, "istio", "gateway.yaml"), Path.Combine(root, "istio", "gateway.yaml"));
        Directory.CreateDirectory(Path.Combine(root, "realms"));
        foreach (var realm in Directory.EnumerateFiles(Path.Combine(Default, "realms")))
        {
            File.Copy(realm, Path.Combine(root, "realms", Path.GetFileName(realm)));
        }

        return root;
    }
}
