using System.Security.Cryptography;
using System.Text.Json;
using AspireAuth.OAuthProxy.Options;
using AspireAuth.OAuthProxy.Sessions;

namespace AspireAuth.OAuthProxy.Endpoints;

/// <summary>The CSRF cookie (<c>&lt;cookie_name&gt;_csrf</c>): the OAuth state nonce, the OIDC nonce and the PKCE verifier, encrypted and signed.</summary>
internal sealed record CsrfData(byte[] State, byte[] Nonce, string? CodeVerifier)
{
    public static string Name(OAuthProxyOptions options) => options.CookieName + "_csrf";

    public void Write(HttpContext context, OAuthProxyOptions options, DateTimeOffset now)
    {
        using var aes = Aes.Create();
        aes.Key = options.CookieSecretBytes;
        var iv = RandomNumberGenerator.GetBytes(16);
        var cipher = aes.EncryptCfb(JsonSerializer.SerializeToUtf8Bytes(new { s = State, n = Nonce, cv = CodeVerifier }), iv, PaddingMode.PKCS7, 128);
        var value = Convert.ToBase64String([.. iv, .. cipher]).Replace('+', '-').Replace('/', '_');
        var cookies = new SessionCookies(options);
        context.Response.Cookies.Append(Name(options), SignedValue.Sign(options.CookieSecret, Name(options), value, now), cookies.Options(context, options.CookieCsrfExpire));
    }

    public static CsrfData? Read(HttpContext context, OAuthProxyOptions options, DateTimeOffset now)
    {
        if (!context.Request.Cookies.TryGetValue(Name(options), out var signed))
        {
            return null;
        }

        var value = SignedValue.Validate(options.CookieSecret, Name(options), signed, options.CookieCsrfExpire, now);
        if (value is null)
        {
            return null;
        }

        try
        {
            var data = Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/'));
            using var aes = Aes.Create();
            aes.Key = options.CookieSecretBytes;
            using var json = JsonDocument.Parse(aes.DecryptCfb(data.AsSpan(16), data.AsSpan(0, 16), PaddingMode.PKCS7, 128));
            var root = json.RootElement;
            return new CsrfData(root.GetProperty("s").GetBytesFromBase64(), root.GetProperty("n").GetBytesFromBase64(),
                root.TryGetProperty("cv", out var cv) && cv.ValueKind == JsonValueKind.String ? cv.GetString() : null);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext context, OAuthProxyOptions options) =>
        context.Response.Cookies.Append(Name(options), string.Empty, new SessionCookies(options).Options(context, TimeSpan.FromSeconds(-1)));
}
