namespace AspireAuth.Mesh.Model;

/// <summary>A VirtualService rewrite.</summary>
public sealed record HttpRewrite(string? Uri, string? Authority, string? RegexMatch, string? RegexRewrite);
