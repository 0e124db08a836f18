namespace AspireAuth.AppHost.Publishing;

/// <summary>How a process ended: its exit code and the last lines it wrote to standard error.</summary>
public sealed record ProcessOutcome(int ExitCode, IReadOnlyList<string> ErrorTail);
