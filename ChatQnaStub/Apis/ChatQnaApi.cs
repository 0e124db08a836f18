using AspireAuth.ChatQnaStub.Chat;
using AspireAuth.ChatQnaStub.Identity;
using AspireAuth.ChatQnaStub.Models;
using AspireAuth.ChatQnaStub.Streaming;

namespace AspireAuth.ChatQnaStub.Apis;

/// <summary><c>POST /v1/chatqna</c>, the megaservice endpoint, and OPEA's <c>/v1/health_check</c>.</summary>
public static class ChatQnaApi
{
    /// <summary>OPEA's default <c>max_tokens</c>.</summary>
    public const int DefaultMaxTokens = 1024;

    public static IEndpointRouteBuilder MapChatQnaApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chatqna", HandleAsync).WithName("ChatQnA").WithSummary("Answer a question (OPEA ChatQnA).");
        app.MapGet("/v1/health_check", () => Results.Json(new Dictionary<string, string>
        {
            ["Service Title"] = "ChatQnAService",
            ["Version"] = "1.5",
            ["Service Description"] = "OPEA Microservice Infrastructure",
        })).WithName("HealthCheck");
        return app;
    }

    private static async Task HandleAsync(HttpContext context, AnswerComposer composer)
    {
        var request = await ChatRequest.ReadAsync(context.Request, context.RequestAborted);
        if (request.Error is not null)
        {
            await OpeaErrors.Detail(StatusCodes.Status400BadRequest, request.Error).ExecuteAsync(context);
            return;
        }

        var answer = composer.Compose(request.Question!, RequestIdentity.From(context.Request.Headers));
        var chunks = Chunker.Split(answer).Take(request.MaxTokens).ToArray();
        if (request.Stream)
        {
            // FastAPI's StreamingResponse with media_type text/event-stream: Starlette adds the charset.
            context.Response.ContentType = OpeaStream.ContentType + "; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await OpeaStream.WriteAsync(context.Response.Body, chunks, context.RequestAborted);
            return;
        }

        var response = new ChatCompletionResponse(
            $"chatcmpl-{ShortUuid.Next()}",
            "chat.completion",
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            "chatqna",
            [new ChatCompletionChoice(0, new ChatMessage("assistant", string.Concat(chunks), null), "stop", null)],
            new UsageInfo(0, 0, 0));
        await Results.Json(response).ExecuteAsync(context);
    }
}
