namespace AspireAuth.ChatQnaStub;

/// <summary>Settings of the stub, read from the configuration root as environment variables.</summary>
public sealed class ChatQnaOptions
{
    /// <summary>The <c>VERSION</c> setting, returned in <c>x-chatqna-version</c> for routing demonstrations.</summary>
    public string Version { get; set; } = "v1";
}
