namespace AspireAuth.Mesh.Model;

/// <summary>A PeerAuthentication (loaded and validated; mTLS itself is not emulated locally).</summary>
public sealed record PeerAuthenticationModel(ResourceId Id, WorkloadSelector Selector, string? Mode);
