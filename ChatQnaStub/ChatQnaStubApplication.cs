using AspireAuth.ChatQnaStub.Apis;
using AspireAuth.ChatQnaStub.Chat;
using AspireAuth.ChatQnaStub.Documents;

namespace AspireAuth.ChatQnaStub;

/// <summary>
/// A stand-in for the OPEA ChatQnA megaservice: <c>/v1/chatqna</c> in OPEA's streaming format, <c>/v1/dataprep/*</c>,
/// the GMC router payload and a small chat page. Answers are built from ingested documents, deterministically.
/// </summary>
public static class ChatQnaStubApplication
{
    /// <summary>Service-discovery name, as the OPEA helm chart names the megaservice.</summary>
    public const string ResourceName = "chatqna";

    /// <summary>OPEA's <c>MEGA_SERVICE_PORT</c>.</summary>
    public const int DefaultPort = 8888;

    /// <summary>Builds the ChatQnA application from a configured builder.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddServiceDefaults();
        builder.Services.AddOptions<ChatQnaOptions>()
            .Bind(builder.Configuration)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Version), "VERSION must not be empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddSingleton<AnswerComposer>();
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            policy.SetIsOriginAllowed(_ => true).AllowCredentials().AllowAnyMethod().AllowAnyHeader()));

        var app = builder.Build();
        app.UseMeshSidecar(ResourceName);
        app.UseCors();
        app.UseMiddleware<VersionHeaderMiddleware>();
        app.MapDefaultEndpoints();
        app.MapChatPage();
        app.MapChatQnaApi();
        app.MapDataprepApi();
        app.MapGmcRouterApi();
        return app;
    }
}
