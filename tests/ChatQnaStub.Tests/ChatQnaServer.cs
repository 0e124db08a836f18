using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AspireAuth.ChatQnaStub.Tests;

/// <summary>The real ChatQnaStub on a free loopback port, with an HttpClient pointed at it.</summary>
internal sealed class ChatQnaServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatQnaServer(WebApplication app, Uri url)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = url };
    }

    public HttpClient Client { get; }

    public static async Task<ChatQnaServer> StartAsync(IDictionary<string, string?>? configuration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = ChatQnaStubApplication.Build(builder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ChatQnaServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
