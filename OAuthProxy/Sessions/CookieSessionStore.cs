using System.Security.Cryptography;
using System.Text.Json;
using AspireAuth.OAuthProxy.Options;

namespace AspireAuth.OAuthProxy.Sessions;

/// <summary>
/// The default store: the session encrypted with the cookie secret (AES-CFB, random IV first) and signed, in the
/// cookie itself (split when large). A cookie that fails validation counts as no session and is cleared.
/// </summary>
internal sealed class CookieSessionStore(OAuthProxyOptions options, TimeProvider time) : ISessionStore
{
    private readonly SessionCookies _cookies = new(options);

    public Task<SessionState?> LoadAsync(HttpContext context)
    {
        var signed = _cookies.Read(context);
        if (signed is null)
        {
            return Task.FromResult<SessionState?>(null);
        }

        var value = SignedValue.Validate(options.CookieSecret, options.CookieName, signed, options.CookieExpire, time.GetUtcNow());
        SessionState? session = null;
        if (value is not null)
        {
            try
            {
                var data = Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/'));
                using var aes = Aes.Create();
                aes.Key = options.CookieSecretBytes;
                var plain = aes.DecryptCfb(data.AsSpan(16), data.AsSpan(0, 16), PaddingMode.PKCS7, 128);
                session = JsonSerializer.Deserialize<SessionState>(plain);
            }
            catch (Exception ex) when (ex is FormatException or CryptographicException or JsonException)
            {
                session = null;
            }
        }

        if (session is null)
        {
            _cookies.Clear(context);
        }

        return Task.FromResult(session);
    }

    public Task SaveAsync(HttpContext context, SessionState session)
    {
        using var aes = Aes.Create();
        aes.Key = options.CookieSecretBytes;
        var iv = RandomNumberGenerator.GetBytes(16);
        var cipher = aes.EncryptCfb(JsonSerializer.SerializeToUtf8Bytes(session), iv, PaddingMode.PKCS7, 128);
        var value = Convert.ToBase64String([.. iv, .. cipher]).Replace('+', '-').Replace('/', '_');
        _cookies.Write(context, SignedValue.Sign(options.CookieSecret, options.CookieName, value, session.CreatedAt));
        return Task.CompletedTask;
    }

    public Task ClearAsync(HttpContext context)
    {
        _cookies.Clear(context);
        return Task.CompletedTask;
    }

    public Task<bool> IsReadyAsync() => Task.FromResult(true);
}
