using AspireAuth.Mesh.Evaluation;

namespace AspireAuth.Mesh.Authentication;

/// <summary>
/// Envoy's <c>extractor.cc</c> for one provider: every value of each header separately (repeated headers are not
/// joined; the prefix is searched anywhere in the value, case-sensitive; a value without it holds no token; the token
/// starts at the first base64url character or dot after it and runs to the end of the value), then query parameters
/// (first value), then cookies.
/// </summary>
public static class TokenExtractor
{
    public static List<ExtractedToken> Extract(JwtProvider provider, RequestHeaders headers, string path)
    {
        var tokens = new List<ExtractedToken>();
        foreach (var location in provider.HeaderLocations)
        {
            foreach (var value in headers.GetValues(location.Name))
            {
                if (location.Prefix.Length == 0)
                {
                    tokens.Add(new ExtractedToken(value, TokenLocationKind.Header, location.Name));
                    continue;
                }

                var at = value.IndexOf(location.Prefix, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                var start = at + location.Prefix.Length;
                while (start < value.Length && !IsTokenChar(value[start]))
                {
                    start++;
                }

                // Envoy's extractJWT: from the first base64url/dot character to the end of the value; the whole value
                // when there is none.
                tokens.Add(new ExtractedToken(start < value.Length ? value[start..] : value, TokenLocationKind.Header, location.Name));
            }
        }

        foreach (var param in provider.ParamLocations)
        {
            if (QueryString.FirstValue(path, param) is { } value)
            {
                tokens.Add(new ExtractedToken(value, TokenLocationKind.Param, param));
            }
        }

        foreach (var cookie in provider.CookieLocations)
        {
            if (headers.Cookie(cookie) is { } value)
            {
                tokens.Add(new ExtractedToken(value, TokenLocationKind.Cookie, cookie));
            }
        }

        return tokens;
    }

    /// <summary>Envoy's <c>ConstantBase64UrlEncodingCharsPlusDot</c>: a header token starts at the first of these.</summary>
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
