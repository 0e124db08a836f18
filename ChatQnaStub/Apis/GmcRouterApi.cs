using System.Text.Json;
using AspireAuth.ChatQnaStub.Chat;
using AspireAuth.ChatQnaStub.Identity;
using AspireAuth.ChatQnaStub.Streaming;

namespace AspireAuth.ChatQnaStub.Apis;

/// <summary>
/// The GMC router's pipeline entry: <c>POST /</c> with <c>{"text": ..., "parameters": {...}}</c>. The router streams the
/// LLM step's bytes through unchanged under <c>Content-Type: application/json</c>, so the body is OPEA's event stream.
/// </summary>
public static class GmcRouterApi
{
    public static IEndpointRouteBuilder MapGmcRouterApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/", HandleAsync).WithName("GmcRouter").WithSummary("GMC router payload {text, parameters}.");
        return app;
    }

    private static async Task HandleAsync(HttpContext context, AnswerComposer composer)
    {
        string? text = null;
        var maxTokens = ChatQnaApi.DefaultMaxTokens;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text = t.GetString();
            }

            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("max_new_tokens", out var m) && m.TryGetInt32(out var value) && value > 0)
            {
                maxTokens = value;
            }
        }
        catch (JsonException)
        {
            text = null;
        }

        if (text is null)
        {
            await Results.Json(
                new Dictionary<string, string> { ["error"] = "the pipeline's first step needs a JSON body with a string 'text'" },
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        var chunks = Chunker.Split(composer.Compose(text, RequestIdentity.From(context.Request.Headers))).Take(maxTokens);
        context.Response.ContentType = "application/json";
        await OpeaStream.WriteAsync(context.Response.Body, chunks, context.RequestAborted);
    }
}
