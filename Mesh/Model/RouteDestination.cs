namespace AspireAuth.Mesh.Model;

/// <summary>A weighted route destination.</summary>
public sealed record RouteDestination(string Host, string? Subset, int? Port, int Weight);
