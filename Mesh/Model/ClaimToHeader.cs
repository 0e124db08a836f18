namespace AspireAuth.Mesh.Model;

/// <summary>An <c>outputClaimToHeaders</c> entry.</summary>
public sealed record ClaimToHeader(string Header, string Claim);
