namespace AspireAuth.ChatQnaStub.Apis;

/// <summary>The chat page at <c>GET /</c>, served from the assembly.</summary>
public static class ChatPage
{
    private static readonly Lazy<byte[]> s_page = new(() =>
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("ChatQnaStub.index.html")
            ?? throw new InvalidOperationException("The chat page resource ChatQnaStub.index.html is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Bytes(s_page.Value, "text/html; charset=utf-8")).WithName("ChatPage");
        return app;
    }
}
