#pragma warning disable ASPIRECERTIFICATES001 // WithoutHttpsCertificate: Keycloak stays on plain http, as in the OPEA guide.

namespace AspireAuth.AppHost.Identity;

/// <summary>
/// The <c>keycloak</c> resource: the real Keycloak container (default) or the KeycloakEmulator project when the
/// parameter <c>identity-provider</c> is <c>emulator</c>. Either one serves the same realm exports on the same fixed port
/// with the same issuer (<c>http://localhost:8180/realms/&lt;realm&gt;</c>), so the same Istio policies accept its tokens.
/// </summary>
public static class IdentityProviderExtensions
{
    /// <summary>The parameter choosing the identity provider.</summary>
    public const string ParameterName = "identity-provider";

    /// <summary>Where Aspire reads the parameter (<c>Parameters__identity-provider=emulator</c> in the environment).</summary>
    public const string ConfigurationKey = "Parameters:" + ParameterName;

    /// <summary>The name of the endpoint both providers serve on.</summary>
    public const string EndpointName = "http";

    /// <summary>Keycloak's readiness path (the emulator serves it too).</summary>
    public const string ReadinessPath = "/health/ready";

    /// <summary>The identity provider chosen by <see cref="ConfigurationKey"/>; unknown values stop startup.</summary>
    public static IdentityProviderKind GetIdentityProviderKind(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var value = builder.Configuration[ConfigurationKey];
        return value?.Trim().ToUpperInvariant() switch
        {
            null or "" or "KEYCLOAK" => IdentityProviderKind.Keycloak,
            "EMULATOR" => IdentityProviderKind.Emulator,
            _ => throw new InvalidOperationException(
                $"Parameter '{ParameterName}' ({ConfigurationKey}) is '{value}': use 'keycloak' (the Keycloak container, the default) "
                + "or 'emulator' (the KeycloakEmulator project, for machines without a container runtime)."),
        };
    }

    /// <summary>Adds the identity provider chosen by the <c>identity-provider</c> parameter.</summary>
    public static IResourceBuilder<IResourceWithServiceDiscovery> AddIdentityProvider(
        this IDistributedApplicationBuilder builder,
        RepositoryLayout layout,
        IReadOnlyList<RealmExport> realms,
        LocalValues values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var kind = builder.GetIdentityProviderKind();
        if (kind == IdentityProviderKind.Keycloak)
        {
            return builder.AddKeycloakContainer(layout, values).WithIdentityDashboard(kind, realms);
        }

        return builder.AddKeycloakEmulator(layout, values).WithIdentityDashboard(kind, realms);
    }

    /// <summary>
    /// The Keycloak container on the fixed port, importing <c>config/realms/</c>. <c>KC_HOSTNAME</c> fixes the issuer to the
    /// address the host-side services, curl and the browser all use; plain http (no dev certificate) keeps it
    /// <c>http://</c> as the Istio documents expect.
    /// </summary>
    public static IResourceBuilder<KeycloakResource> AddKeycloakContainer(
        this IDistributedApplicationBuilder builder,
        RepositoryLayout layout,
        LocalValues values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(values);
        var keycloak = builder.AddKeycloak(ResourceNames.Keycloak, values.Ports.Keycloak)
            .WithoutHttpsCertificate()
            .WithEnvironment("KC_HOSTNAME", values.KeycloakUrl)
            .WithEnvironment("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        if (Directory.Exists(layout.RealmsDirectory))
        {
            // Imported at every start into a fresh container (no data volume): --import-realm skips existing realms,
            // so a persistent store would ignore edits to the files.
            keycloak.WithRealmImport(layout.RealmsDirectory);
        }

        return keycloak;
    }

    /// <summary>
    /// The KeycloakEmulator project on Keycloak's port, serving the same realm files, with Keycloak's <c>KC_HOSTNAME</c>
    /// option fixing the issuer as for the container.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddKeycloakEmulator(
        this IDistributedApplicationBuilder builder,
        RepositoryLayout layout,
        LocalValues values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(values);
        return builder.AddAspireAuthService<Projects.KeycloakEmulator>(ResourceNames.Keycloak, values.Ports.Keycloak, ReadinessPath)
            .WithEnvironment(EmulatorSettings.RealmsDirectory, layout.RealmsDirectory)
            .WithEnvironment(EmulatorSettings.Hostname, values.KeycloakUrl);
    }

    private static IResourceBuilder<T> WithIdentityDashboard<T>(this IResourceBuilder<T> builder, IdentityProviderKind kind, IReadOnlyList<RealmExport> realms)
        where T : IResourceWithEndpoints
    {
        var links = IdentityLinks.For(kind, realms);
        builder.WithUrls(context =>
        {
            var endpoint = context.GetEndpoint(EndpointName);
            if (endpoint is null || !endpoint.IsAllocated)
            {
                return;
            }

            foreach (var link in links)
            {
                context.Urls.Add(new ResourceUrlAnnotation { Url = endpoint.Url + link.Path, DisplayText = link.DisplayText, Endpoint = endpoint });
            }
        });
        return builder.WithTokenCommands(realms);
    }
}
