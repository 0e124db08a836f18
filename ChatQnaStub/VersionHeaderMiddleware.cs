using Microsoft.Extensions.Options;

namespace AspireAuth.ChatQnaStub;

/// <summary>Adds <c>x-chatqna-version</c> to every response, so weighted and prefix routes can be told apart.</summary>
internal sealed class VersionHeaderMiddleware(RequestDelegate next, IOptions<ChatQnaOptions> options)
{
    public const string HeaderName = "x-chatqna-version";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[HeaderName] = options.Value.Version;
        return next(context);
    }
}
