namespace AspireAuth.Mesh.Loading;

/// <summary>A configuration failed validation; <see cref="Errors"/> lists every problem found.</summary>
public sealed class ConfigValidationException(IReadOnlyList<ConfigError> errors)
    : Exception($"The mesh configuration is invalid ({errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}):\n  "
        + string.Join("\n  ", errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
