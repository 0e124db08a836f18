using System.Text.Json;

namespace AspireAuth.Mesh.Authentication;

/// <summary><c>jwt_verify_lib Jwt::parseFromString</c>: every check in its order, with its status.</summary>
public static class JwtParser
{
    private static readonly HashSet<string> s_algorithms = new(StringComparer.Ordinal)
    {
        "ES256", "ES384", "ES512", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA",
    };

    public static JwtStatus TryParse(string token, out ParsedJwt? jwt)
    {
        jwt = null;
        var parts = token.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            return JwtStatus.JwtBadFormat;
        }

        if (!Base64Url.TryDecode(parts[0], out var headerBytes))
        {
            return JwtStatus.JwtHeaderParseErrorBadBase64;
        }

        if (!TryParseObject(headerBytes, out var header))
        {
            return JwtStatus.JwtHeaderParseErrorBadJson;
        }

        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
        {
            return JwtStatus.JwtHeaderBadAlg;
        }

        if (!s_algorithms.Contains(alg.GetString()!))
        {
            return JwtStatus.JwtHeaderNotImplementedAlg;
        }

        string? kid = null;
        if (header.TryGetProperty("kid", out var kidElement))
        {
            if (kidElement.ValueKind != JsonValueKind.String)
            {
                return JwtStatus.JwtHeaderBadKid;
            }

            kid = kidElement.GetString();
        }

        if (!Base64Url.TryDecode(parts[1], out var payloadBytes))
        {
            return JwtStatus.JwtPayloadParseErrorBadBase64;
        }

        if (!TryParseObject(payloadBytes, out var payload))
        {
            return JwtStatus.JwtPayloadParseErrorBadJson;
        }

        if (!OptionalString(payload, "iss", out var iss))
        {
            return JwtStatus.JwtPayloadParseErrorIssNotString;
        }

        if (!OptionalString(payload, "sub", out var sub))
        {
            return JwtStatus.JwtPayloadParseErrorSubNotString;
        }

        var time = OptionalUnsigned(payload, "iat", out _);
        if (time != NumberResult.Ok)
        {
            return time == NumberResult.WrongType ? JwtStatus.JwtPayloadParseErrorIatNotInteger : JwtStatus.JwtPayloadParseErrorIatOutOfRange;
        }

        time = OptionalUnsigned(payload, "nbf", out var nbf);
        if (time != NumberResult.Ok)
        {
            return time == NumberResult.WrongType ? JwtStatus.JwtPayloadParseErrorNbfNotInteger : JwtStatus.JwtPayloadParseErrorNbfOutOfRange;
        }

        time = OptionalUnsigned(payload, "exp", out var exp);
        if (time != NumberResult.Ok)
        {
            return time == NumberResult.WrongType ? JwtStatus.JwtPayloadParseErrorExpNotInteger : JwtStatus.JwtPayloadParseErrorExpOutOfRange;
        }

        if (!OptionalString(payload, "jti", out _))
        {
            return JwtStatus.JwtPayloadParseErrorJtiNotString;
        }

        var audiences = new List<string>();
        if (payload.TryGetProperty("aud", out var aud))
        {
            if (aud.ValueKind == JsonValueKind.String)
            {
                audiences.Add(aud.GetString()!);
            }
            else if (aud.ValueKind == JsonValueKind.Array && aud.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String))
            {
                audiences.AddRange(aud.EnumerateArray().Select(a => a.GetString()!));
            }
            else
            {
                return JwtStatus.JwtPayloadParseErrorAudNotString;
            }
        }

        if (!Base64Url.TryDecode(parts[2], out var signature))
        {
            return JwtStatus.JwtSignatureParseErrorBadBase64;
        }

        jwt = new ParsedJwt(token, parts[0], parts[1], signature, alg.GetString()!, kid, iss, sub, nbf, exp, audiences, payload);
        return JwtStatus.Ok;
    }

    private static bool TryParseObject(byte[] bytes, out JsonElement element)
    {
        element = default;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool OptionalString(JsonElement payload, string name, out string? value)
    {
        value = null;
        if (!payload.TryGetProperty(name, out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString();
        return true;
    }

    /// <summary>
    /// <c>StructUtils::GetUInt64</c>: the JSON number is read as a double; not a number is WRONG_TYPE, negative or at
    /// least 2^64 is OUT_OF_RANGE, anything else is truncated towards zero (so <c>1.5</c> is accepted as 1).
    /// </summary>
    private static NumberResult OptionalUnsigned(JsonElement payload, string name, out ulong? value)
    {
        value = null;
        if (!payload.TryGetProperty(name, out var element))
        {
            return NumberResult.Ok;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return NumberResult.WrongType;
        }

        if (number < 0 || number >= 18446744073709551616.0)
        {
            return NumberResult.OutOfRange;
        }

        value = (ulong)Math.Truncate(number);
        return NumberResult.Ok;
    }

    private enum NumberResult
    {
        Ok,
        WrongType,
        OutOfRange,
    }
}
