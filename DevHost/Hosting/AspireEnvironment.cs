namespace AspireAuth.DevHost.Hosting;

/// <summary>
/// The environment variables Aspire gives a project resource, and their translation into configuration keys exactly as
/// .NET's environment-variable configuration provider does it (so a service cannot tell DevHost from Aspire).
/// </summary>
internal static class AspireEnvironment
{
    /// <summary>The variables Aspire's AppHost injects for a project resource with the given references.</summary>
    public static Dictionary<string, string> For(
        ServiceDefinition service,
        Uri url,
        IReadOnlyDictionary<string, Uri> referenceUrls,
        IReadOnlyDictionary<string, string> shared)
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ASPNETCORE_URLS"] = url.GetLeftPart(UriPartial.Authority),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["OTEL_SERVICE_NAME"] = service.Name,
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
        };

        var otlp = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (!string.IsNullOrEmpty(otlp))
        {
            variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
        }

        foreach (var reference in service.References)
        {
            var referenceUrl = referenceUrls[reference];
            variables[$"services__{reference}__{referenceUrl.Scheme}__0"] = referenceUrl.GetLeftPart(UriPartial.Authority);
            variables[$"{reference.ToUpperInvariant().Replace('-', '_')}_{referenceUrl.Scheme.ToUpperInvariant()}"] =
                referenceUrl.GetLeftPart(UriPartial.Authority);
        }

        foreach (var (key, value) in shared)
        {
            variables.TryAdd(key, value);
        }

        return variables;
    }

    /// <summary>
    /// Configuration entries for the variables: <c>__</c> becomes <c>:</c>; <c>ASPNETCORE_</c>-prefixed variables also
    /// appear without the prefix, as WebApplicationBuilder's host configuration reads them.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToConfiguration(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (key, value) in variables)
        {
            var configKey = key.Replace("__", ":", StringComparison.Ordinal);
            yield return new(configKey, value);
            if (configKey.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(configKey["ASPNETCORE_".Length..], value);
            }
        }
    }
}
