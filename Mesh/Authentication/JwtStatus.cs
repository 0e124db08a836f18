namespace AspireAuth.Mesh.Authentication;

/// <summary>jwt_verify_lib's statuses that Istio's configuration can produce.</summary>
public enum JwtStatus
{
    Ok,
    JwtMissed,
    JwtBadFormat,
    JwtHeaderParseErrorBadBase64,
    JwtHeaderParseErrorBadJson,
    JwtHeaderBadAlg,
    JwtHeaderNotImplementedAlg,
    JwtHeaderBadKid,
    JwtPayloadParseErrorBadBase64,
    JwtPayloadParseErrorBadJson,
    JwtPayloadParseErrorIssNotString,
    JwtPayloadParseErrorSubNotString,
    JwtPayloadParseErrorIatNotInteger,
    JwtPayloadParseErrorNbfNotInteger,
    JwtPayloadParseErrorExpNotInteger,
    JwtPayloadParseErrorJtiNotString,
    JwtPayloadParseErrorAudNotString,
    JwtSignatureParseErrorBadBase64,
    JwtUnknownIssuer,
    JwtNotYetValid,
    JwtExpired,
    JwtAudienceNotAllowed,
    JwksKidAlgMismatch,
    JwtVerificationFail,
    JwksNoValidKeys,
    JwksFetchFail,
}
