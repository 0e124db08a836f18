namespace AspireAuth.AppHost.Identity;

/// <summary>What a token command shows: a one-line message and, on success, Markdown with the token and its claims.</summary>
/// <param name="Success">Whether a token was issued.</param>
/// <param name="Message">One line for the dashboard's notification.</param>
/// <param name="Markdown">The token and its decoded claims; null on failure.</param>
public sealed record TokenCommandResult(bool Success, string Message, string? Markdown);
