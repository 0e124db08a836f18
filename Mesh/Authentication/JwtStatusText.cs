namespace AspireAuth.Mesh.Authentication;

/// <summary>The exact body Envoy's jwt_authn filter sends for each status (jwt_verify_lib <c>status.cc</c>).</summary>
public static class JwtStatusText
{
    public static string Of(JwtStatus status) => status switch
    {
        JwtStatus.Ok => "OK",
        JwtStatus.JwtMissed => "Jwt is missing",
        JwtStatus.JwtBadFormat => "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections",
        JwtStatus.JwtHeaderParseErrorBadBase64 => "Jwt header is an invalid Base64url encoded",
        JwtStatus.JwtHeaderParseErrorBadJson => "Jwt header is an invalid JSON",
        JwtStatus.JwtHeaderBadAlg => "Jwt header [alg] field is required and must be a string",
        JwtStatus.JwtHeaderNotImplementedAlg => "Jwt header [alg] is not supported",
        JwtStatus.JwtHeaderBadKid => "Jwt header [kid] field is not a string",
        JwtStatus.JwtPayloadParseErrorBadBase64 => "Jwt payload is an invalid Base64url encoded",
        JwtStatus.JwtPayloadParseErrorBadJson => "Jwt payload is an invalid JSON",
        JwtStatus.JwtPayloadParseErrorIssNotString => "Jwt payload [iss] field is not a string",
        JwtStatus.JwtPayloadParseErrorSubNotString => "Jwt payload [sub] field is not a string",
        JwtStatus.JwtPayloadParseErrorIatNotInteger => "Jwt payload [iat] field is not an integer",
        JwtStatus.JwtPayloadParseErrorIatOutOfRange => "Jwt payload [iat] field is not a positive 64 bit integer",
        JwtStatus.JwtPayloadParseErrorNbfNotInteger => "Jwt payload [nbf] field is not an integer",
        JwtStatus.JwtPayloadParseErrorNbfOutOfRange => "Jwt payload [nbf] field is not a positive 64 bit integer",
        JwtStatus.JwtPayloadParseErrorExpNotInteger => "Jwt payload [exp] field is not an integer",
        JwtStatus.JwtPayloadParseErrorExpOutOfRange => "Jwt payload [exp] field is not a positive 64 bit integer",
        JwtStatus.JwtPayloadParseErrorJtiNotString => "Jwt payload [jti] field is not a string",
        JwtStatus.JwtPayloadParseErrorAudNotString => "Jwt payload [aud] field is not a string or string list",
        JwtStatus.JwtSignatureParseErrorBadBase64 => "Jwt signature is an invalid Base64url encoded",
        JwtStatus.JwtUnknownIssuer => "Jwt issuer is not configured",
        JwtStatus.JwtNotYetValid => "Jwt not yet valid",
        JwtStatus.JwtExpired => "Jwt is expired",
        JwtStatus.JwtAudienceNotAllowed => "Audiences in Jwt are not allowed",
        JwtStatus.JwksKidAlgMismatch => "Jwks doesn't have key to match kid or alg from Jwt",
        JwtStatus.JwtVerificationFail => "Jwt verification fails",
        JwtStatus.JwksNoValidKeys => "Jwks doesn't have any valid public key",
        JwtStatus.JwksFetchFail => "Jwks remote fetch is failed",
        _ => status.ToString(),
    };
}
