using System.Text.Json;

namespace AspireAuth.Mesh.Authentication;

/// <summary>A JWT split and decoded as jwt_verify_lib parses it; not yet verified.</summary>
public sealed record ParsedJwt(
    string Token,
    string HeaderSegment,
    string PayloadSegment,
    byte[] Signature,
    string Alg,
    string? Kid,
    string? Issuer,
    string? Subject,
    long? NotBefore,
    long? Expires,
    IReadOnlyList<string> Audiences,
    JsonElement Payload);
