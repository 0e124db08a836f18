namespace AspireAuth.ChatQnaStub.Chat;

/// <summary>The prompt built from a request's messages, the question to answer, or why there is none.</summary>
public sealed record PromptResult
{
    private PromptResult(string? prompt, string? question, string? error)
    {
        Prompt = prompt;
        Question = question;
        Error = error;
    }

    /// <summary>The prompt as OPEA builds it; null on error.</summary>
    public string? Prompt { get; }

    /// <summary>The text retrieval searches for: the string message, or the last user content.</summary>
    public string? Question { get; }

    /// <summary>Why the messages were rejected; null on success.</summary>
    public string? Error { get; }

    public static PromptResult Ok(string prompt, string question) => new(prompt, question, null);

    public static PromptResult Fail(string error) => new(null, null, error);
}
