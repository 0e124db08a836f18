using System.Diagnostics;

namespace Microsoft.Extensions.Hosting;

/// <summary>The activity source AspireAuth's own components use for spans and span events.</summary>
public static class AspireAuthTelemetry
{
    /// <summary>Name of the shared <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "AspireAuth";

    /// <summary>The shared activity source.</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);
}
