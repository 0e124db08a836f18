using StackExchange.Redis;

namespace AspireAuth.OAuthProxy.Endpoints;

/// <summary>Redis unreachable: oauth2-proxy's 500 error page instead of a crash; the next request tries again.</summary>
internal sealed class RedisErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RedisException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await Pages.ErrorAsync(context, 500);
        }
    }
}
