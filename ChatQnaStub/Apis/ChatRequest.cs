using System.Text.Json;
using AspireAuth.ChatQnaStub.Chat;

namespace AspireAuth.ChatQnaStub.Apis;

/// <summary>The fields of a <c>ChatCompletionRequest</c> the stub uses, read as OPEA's handler reads them.</summary>
internal sealed record ChatRequest(string? Question, bool Stream, int MaxTokens, string? Error)
{
    public static async Task<ChatRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return Fail($"The request body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail("The request body must be a JSON object.");
            }

            if (!root.TryGetProperty("messages", out var messages))
            {
                return Fail("'messages' is required: a string or a list of {role, content} messages.");
            }

            var prompt = PromptBuilder.Build(messages);
            if (prompt.Error is not null)
            {
                return Fail(prompt.Error);
            }

            // OPEA reads data.get("stream", True): streaming unless a falsy value is given.
            var stream = !root.TryGetProperty("stream", out var s) || IsTruthy(s);
            var maxTokens = ChatQnaApi.DefaultMaxTokens;
            if (root.TryGetProperty("max_tokens", out var m) && m.ValueKind != JsonValueKind.Null)
            {
                if (m.ValueKind != JsonValueKind.Number || !m.TryGetInt32(out maxTokens) || maxTokens <= 0)
                {
                    return Fail("'max_tokens' must be a positive integer.");
                }
            }

            return new ChatRequest(prompt.Question, stream, maxTokens, null);
        }
    }

    /// <summary>Python truthiness of a JSON value.</summary>
    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };

    private static ChatRequest Fail(string error) => new(null, false, 0, error);
}
