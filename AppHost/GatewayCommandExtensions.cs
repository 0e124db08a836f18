namespace AspireAuth.AppHost;

/// <summary>
/// Dashboard commands on the gateway, calling its mesh debug endpoints (served to loopback callers only, like Envoy's
/// admin interface): reload <c>config/istio/</c> now, and show the last decisions with their reasons.
/// </summary>
public static class GatewayCommandExtensions
{
    /// <summary><c>POST</c>: reloads the mesh configuration; 200 with the new version, or 422 with the validation errors.</summary>
    public const string ReloadPath = "/debug/mesh/reload";

    /// <summary><c>GET</c>: the most recent decisions, newest first, each with its action, policy, rule and reason.</summary>
    public const string DecisionsPath = "/debug/mesh/decisions";

    /// <summary>The reload command's name.</summary>
    public const string ReloadCommand = "mesh-reload";

    /// <summary>The decisions command's name.</summary>
    public const string DecisionsCommand = "mesh-decisions";

    /// <summary>Adds the two commands.</summary>
    public static IResourceBuilder<ProjectResource> WithMeshCommands(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithHttpCommand(
                ReloadPath,
                "Reload mesh configuration",
                ServiceResourceExtensions.EndpointName,
                ReloadCommand,
                new HttpCommandOptions
                {
                    Method = HttpMethod.Post,
                    Description = "Reloads config/istio now; an invalid edit is rejected with its file, document and field, and the last good configuration stays.",
                    IconName = "ArrowSync",
                    ResultMode = HttpCommandResultMode.Auto,
                })
            .WithHttpCommand(
                DecisionsPath,
                "Show last decisions",
                ServiceResourceExtensions.EndpointName,
                DecisionsCommand,
                new HttpCommandOptions
                {
                    Method = HttpMethod.Get,
                    Description = "The gateway's most recent authentication and authorization decisions with their reasons.",
                    IconName = "TextBulletListSquare",
                    ResultMode = HttpCommandResultMode.Auto,
                });
    }
}
