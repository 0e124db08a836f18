using Microsoft.Extensions.Logging;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>The mesh's log messages. They carry decisions and reasons, never tokens, cookies or secrets.</summary>
internal static partial class MeshLog
{
    [LoggerMessage(1, LogLevel.Information, "Mesh configuration loaded from {Paths}: {Policies} authorization policies, {Authentications} request authentications, {Routes} virtual services (version {Version}).", EventName = "MeshConfigLoaded")]
    public static partial void ConfigLoaded(this ILogger logger, string paths, int policies, int authentications, int routes, long version);

    [LoggerMessage(2, LogLevel.Error, "Mesh configuration reload rejected; the last good configuration stays in force (version {Version}).\n{Errors}", EventName = "MeshConfigRejected")]
    public static partial void ConfigRejected(this ILogger logger, long version, string errors);

    [LoggerMessage(3, LogLevel.Debug, "{Method} {Host}{Path} -> {Status} ({Stage}): {Explanation}", EventName = "MeshDecision")]
    public static partial void Decision(this ILogger logger, string method, string host, string path, int status, string stage, string explanation);

    [LoggerMessage(4, LogLevel.Warning, "ext_authz provider {Provider} failed ({Error}); answering {Status}.", EventName = "ExtAuthzError")]
    public static partial void ExtAuthzError(this ILogger logger, string provider, string error, int status);

    [LoggerMessage(5, LogLevel.Warning, "No healthy upstream for {Host} (subset {Subset}): {Error}", EventName = "NoHealthyUpstream")]
    public static partial void NoHealthyUpstream(this ILogger logger, string host, string? subset, string error);

    [LoggerMessage(6, LogLevel.Information, "Mesh sidecar for workload {Workload} enforces {Policies} policies.", EventName = "SidecarStarted")]
    public static partial void SidecarStarted(this ILogger logger, string workload, int policies);
}
