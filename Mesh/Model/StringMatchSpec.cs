namespace AspireAuth.Mesh.Model;

/// <summary>A networking StringMatch: exactly one of exact, prefix, regex; or none (presence).</summary>
public sealed record StringMatchSpec(string? Exact, string? Prefix, string? Regex);
