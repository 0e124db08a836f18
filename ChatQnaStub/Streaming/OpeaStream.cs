namespace AspireAuth.ChatQnaStub.Streaming;

/// <summary>
/// OPEA's streaming format (<c>align_generator</c>): one <c>data: b'...'</c> event per chunk, then <c>data: [DONE]</c>.
/// </summary>
public static class OpeaStream
{
    /// <summary>Media type of the streamed answer.</summary>
    public const string ContentType = "text/event-stream";

    /// <summary>The final event.</summary>
    public const string Done = "data: [DONE]\n\n";

    /// <summary>The event carrying one chunk.</summary>
    public static string Event(string chunk) => $"data: {PythonBytesRepr.OfUtf8(chunk)}\n\n";

    /// <summary>The whole stream for the given chunks, as OPEA would send it.</summary>
    public static string Render(IEnumerable<string> chunks) => string.Concat(chunks.Select(Event)) + Done;

    /// <summary>Writes each chunk as an event and flushes it, then the final event.</summary>
    public static async Task WriteAsync(Stream body, IEnumerable<string> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var chunk in chunks)
        {
            await WriteEventAsync(body, Event(chunk), cancellationToken);
        }

        await WriteEventAsync(body, Done, cancellationToken);
    }

    private static async Task WriteEventAsync(Stream body, string text, CancellationToken cancellationToken)
    {
        await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
