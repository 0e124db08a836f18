namespace AspireAuth.Mesh.Model;

/// <summary>A <c>fromHeaders</c> entry: header name and value prefix (e.g. <c>"Bearer "</c>).</summary>
public sealed record JwtHeaderLocation(string Name, string Prefix);
