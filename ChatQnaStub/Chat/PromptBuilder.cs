using System.Text;
using System.Text.Json;

namespace AspireAuth.ChatQnaStub.Chat;

/// <summary>
/// OPEA's <c>handle_message</c>: a string is the prompt; a list keeps the system content and, per role, the last
/// user and assistant contents (a dict keyed by role, in first-seen order), each as <c>"role: content\n"</c>.
/// </summary>
public static class PromptBuilder
{
    /// <summary>Builds the prompt, or returns the error OPEA raises for the messages.</summary>
    public static PromptResult Build(JsonElement messages)
    {
        if (messages.ValueKind == JsonValueKind.String)
        {
            return PromptResult.Ok(messages.GetString()!, messages.GetString()!);
        }

        if (messages.ValueKind != JsonValueKind.Array)
        {
            return PromptResult.Fail("'messages' must be a string or a list of messages.");
        }

        var systemPrompt = string.Empty;
        var byRole = new List<KeyValuePair<string, string>>();
        var question = string.Empty;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("role", out var roleElement)
                || roleElement.ValueKind != JsonValueKind.String)
            {
                return PromptResult.Fail("Each message must be an object with a string 'role'.");
            }

            var role = roleElement.GetString()!;
            var content = message.TryGetProperty("content", out var c) ? ContentText(c) : string.Empty;
            switch (role)
            {
                case "system":
                    systemPrompt = content;
                    break;
                case "user":
                    Set(byRole, role, content);
                    question = content;
                    break;
                case "assistant":
                    Set(byRole, role, content);
                    break;
                default:
                    return PromptResult.Fail($"Unknown role: {role}");
            }
        }

        var prompt = new StringBuilder();
        if (systemPrompt.Length > 0)
        {
            prompt.Append(systemPrompt).Append('\n');
        }

        foreach (var (role, content) in byRole)
        {
            prompt.Append(content.Length > 0 ? $"{role}: {content}\n" : $"{role}:");
        }

        return PromptResult.Ok(prompt.ToString(), question);
    }

    private static void Set(List<KeyValuePair<string, string>> byRole, string role, string content)
    {
        var index = byRole.FindIndex(p => p.Key == role);
        if (index >= 0)
        {
            byRole[index] = new(role, content);
        }
        else
        {
            byRole.Add(new(role, content));
        }
    }

    /// <summary>A string content, or the <c>text</c> parts of a multi-part content joined with newlines.</summary>
    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Join('\n', content.EnumerateArray()
            .Where(part => part.ValueKind == JsonValueKind.Object
                && part.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "text"
                && part.TryGetProperty("text", out var x) && x.ValueKind == JsonValueKind.String)
            .Select(part => part.GetProperty("text").GetString())),
        _ => string.Empty,
    };
}
