using System.Text.Json.Serialization;

namespace AspireAuth.ChatQnaStub.Models;

/// <summary>OPEA's <c>ChatCompletionResponse</c> (non-streaming answer).</summary>
public sealed record ChatCompletionResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string ObjectType,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatCompletionChoice> Choices,
    [property: JsonPropertyName("usage")] UsageInfo Usage);

/// <summary>One choice of a <see cref="ChatCompletionResponse"/>.</summary>
public sealed record ChatCompletionChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("message")] ChatMessage Message,
    [property: JsonPropertyName("finish_reason")] string FinishReason,
    [property: JsonPropertyName("metadata")] object? Metadata);

/// <summary>The assistant message of a choice.</summary>
public sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("audio")] object? Audio);

/// <summary>Token counts, which OPEA's megaservice reports as zeros.</summary>
public sealed record UsageInfo(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens,
    [property: JsonPropertyName("completion_tokens")] int CompletionTokens);
