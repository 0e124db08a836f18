using System.Reflection;

namespace AspireAuth.Manifests.Tests;

/// <summary>Renders the default scenario's bundle with a complete set of cluster values (as a user's values file would give).</summary>
internal static class BundleFixture
{
    public static string RepositoryRoot { get; } = typeof(BundleFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string ConfigRoot => Path.Combine(RepositoryRoot, "config");

    public const string ValuesYaml = """
        KEYCLOAK_ADDR: keycloak.example.com:31504
        INGRESS_PORT: "30080"
        URL: http://chatqna.example.com:30080
        UI_HOST: chatqna.example.com:30080
        CLIENT_SECRET: cluster-client-secret
        COOKIE_SECRET: Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=
        KEYCLOAK_ADMIN_PASSWORD: cluster-admin-password
        IMAGE_REGISTRY: registry.example.com/aspireauth
        """;

    public static ManifestBundle Render(string? values = ValuesYaml, bool strict = false, string? ns = null)
    {
        string? file = null;
        if (values is not null)
        {
            file = Path.Combine(Directory.CreateTempSubdirectory("values-").FullName, "values.yaml");
            File.WriteAllText(file, values);
        }

        return ManifestRenderer.Render(new ManifestOptions { ConfigRoot = ConfigRoot, ValuesFile = file, Strict = strict, Namespace = ns });
    }
}
