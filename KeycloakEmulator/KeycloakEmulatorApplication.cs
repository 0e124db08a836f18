using AspireAuth.KeycloakEmulator.Endpoints;
using AspireAuth.KeycloakEmulator.Realms;
using AspireAuth.KeycloakEmulator.Sessions;
using AspireAuth.KeycloakEmulator.Tokens;

namespace AspireAuth.KeycloakEmulator;

/// <summary>
/// A Keycloak-compatible OpenID Connect provider: realm exports served on Keycloak's paths with Keycloak-shaped tokens,
/// starting in milliseconds without a JVM.
/// </summary>
public static class KeycloakEmulatorApplication
{
    /// <summary>Service-discovery name (the AppHost's Keycloak resource).</summary>
    public const string ResourceName = "keycloak";

    /// <summary>The port the OPEA guide's Keycloak is reached on locally.</summary>
    public const int DefaultPort = 8180;

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaults();
        builder.Services.AddOptions<KeycloakOptions>().BindConfiguration(KeycloakOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.RealmsPath), "Keycloak:RealmsPath must name a realm export file or folder.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Hostname) || Uri.TryCreate(o.Hostname, UriKind.Absolute, out _), "Keycloak:Hostname must be an absolute URL such as http://localhost:8180.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RealmStore>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<TokenFactory>();

        var app = builder.Build();
        _ = app.Services.GetRequiredService<RealmStore>();
        app.MapDefaultEndpoints();
        app.MapDiscoveryEndpoints();
        app.MapTokenEndpoint();
        app.MapAuthorizationEndpoints();
        app.MapUserInfoEndpoints();
        return app;
    }
}
