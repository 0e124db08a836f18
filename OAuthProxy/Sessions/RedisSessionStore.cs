using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AspireAuth.OAuthProxy.Options;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;

namespace AspireAuth.OAuthProxy.Sessions;

/// <summary>
/// <c>session_store_type = "redis"</c>: the cookie holds a signed ticket <c>v2.&lt;id&gt;.&lt;secret&gt;</c>; Redis holds the
/// session under the ticket id, encrypted with the ticket's own secret (AES-GCM), expiring with <c>cookie_expire</c>.
/// </summary>
internal sealed class RedisSessionStore(OAuthProxyOptions options, IConnectionMultiplexer redis, TimeProvider time) : ISessionStore
{
    private readonly SessionCookies _cookies = new(options);

    public async Task<SessionState?> LoadAsync(HttpContext context)
    {
        var ticket = ReadTicket(context);
        if (ticket is null)
        {
            return null;
        }

        var stored = await redis.GetDatabase().StringGetAsync(ticket.Value.Id);
        if (stored.IsNullOrEmpty)
        {
            _cookies.Clear(context);
            return null;
        }

        try
        {
            var data = (byte[])stored!;
            using var gcm = new AesGcm(ticket.Value.Secret, 16);
            var plain = new byte[data.Length - 12 - 16];
            gcm.Decrypt(data.AsSpan(0, 12), data.AsSpan(12, plain.Length), data.AsSpan(12 + plain.Length), plain);
            return JsonSerializer.Deserialize<SessionState>(plain);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or ArgumentException)
        {
            _cookies.Clear(context);
            return null;
        }
    }

    public async Task SaveAsync(HttpContext context, SessionState session)
    {
        var ticket = ReadTicket(context) ?? ($"{options.CookieName}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}", RandomNumberGenerator.GetBytes(16));
        var plain = JsonSerializer.SerializeToUtf8Bytes(session);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using (var gcm = new AesGcm(ticket.Secret, 16))
        {
            gcm.Encrypt(nonce, plain, cipher, tag);
        }

        byte[] stored = [.. nonce, .. cipher, .. tag];
        if (options.CookieExpire > TimeSpan.Zero)
        {
            await redis.GetDatabase().StringSetAsync(ticket.Id, stored, options.CookieExpire);
        }
        else
        {
            await redis.GetDatabase().StringSetAsync(ticket.Id, stored);
        }
        var value = $"v2.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(ticket.Id))}.{Base64UrlEncoder.Encode(ticket.Secret)}";
        _cookies.Write(context, SignedValue.Sign(options.CookieSecret, options.CookieName, value, session.CreatedAt));
    }

    public async Task ClearAsync(HttpContext context)
    {
        if (ReadTicket(context) is { } ticket)
        {
            await redis.GetDatabase().KeyDeleteAsync(ticket.Id);
        }

        _cookies.Clear(context);
    }

    public async Task<bool> IsReadyAsync()
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    private (string Id, byte[] Secret)? ReadTicket(HttpContext context)
    {
        var signed = _cookies.Read(context);
        var value = signed is null ? null : SignedValue.Validate(options.CookieSecret, options.CookieName, signed, options.CookieExpire, time.GetUtcNow());
        var parts = value?.Split('.');
        if (parts is not { Length: 3 } || parts[0] != "v2")
        {
            return null;
        }

        try
        {
            return (Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])), Base64UrlEncoder.DecodeBytes(parts[2]));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
