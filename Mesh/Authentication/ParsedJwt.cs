using System.Text.Json;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// A JWT split and decoded as jwt_verify_lib parses it; not yet verified. <c>nbf</c>/<c>exp</c> are unsigned 64-bit as
/// there (<c>StructUtils::GetUInt64</c>).
/// </summary>
public sealed record ParsedJwt(
    string Token,
    string HeaderSegment,
    string PayloadSegment,
    byte[] Signature,
    string Alg,
    string? Kid,
    string? Issuer,
    string? Subject,
    ulong? NotBefore,
    ulong? Expires,
    IReadOnlyList<string> Audiences,
    JsonElement Payload);
