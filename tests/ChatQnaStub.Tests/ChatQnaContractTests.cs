using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AspireAuth.ChatQnaStub.Tests;

/// <summary>The megaservice contract over real HTTP: OPEA's streaming bytes, the non-stream shape, GMC, identity.</summary>
public sealed class ChatQnaContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_IsOpeaFormatByteForByte_ForQuoteNewlineAndNonAscii()
    {
        await using var server = await ChatQnaServer.StartAsync();
        await IngestFileAsync(server.Client, "quote.txt", "The caf\u00e9's motto:\nsmile");

        using var response = await server.Client.PostAsync("/v1/chatqna", Json("""{"messages": "What is the motto of the café?"}"""), Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var expected =
            "data: b'From'\n\n" +
            "data: b' quote.txt:'\n\n" +
            "data: b'\\nThe'\n\n" +
            "data: b\" caf\\xc3\\xa9's\"\n\n" +
            "data: b' motto:'\n\n" +
            "data: b'\\nsmile'\n\n" +
            "data: [DONE]\n\n";
        Assert.Equal(Encoding.ASCII.GetBytes(expected), body);
    }

    [Fact]
    public async Task ChatPage_SaysWhoIsSignedIn_AndOffersSignOutOnlyBehindOAuthProxy()
    {
        await using var server = await ChatQnaServer.StartAsync();
        async Task<string> PageAsync(params (string Name, string Value)[] headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await server.Client.SendAsync(request, Ct);
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            return await response.Content.ReadAsStringAsync(Ct);
        }

        var anonymous = await PageAsync();
        Assert.DoesNotContain("Signed in as", anonymous, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"chat-input\"", anonymous, StringComparison.Ordinal);

        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"sub":"1","preferred_username":"<mary>"}""")).TrimEnd('=');
        var sidecarOnly = await PageAsync(("jwt-parsed", payload));
        Assert.Contains("Signed in as &lt;mary&gt;", sidecarOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("/oauth2/sign_out", sidecarOnly, StringComparison.Ordinal);

        var viaProxy = await PageAsync(("jwt-parsed", payload), ("x-auth-request-user", "1"), ("x-auth-request-email", "mary@example.com"));
        Assert.Contains("<a id=\"sign-out\" href=\"/oauth2/sign_out\">Sign out</a>", viaProxy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_DefaultsToTrue_AndFalsyStreamReturnsChatCompletionShape()
    {
        await using var server = await ChatQnaServer.StartAsync();
        await IngestFileAsync(server.Client, "nike.txt", "Nike revenue in 2023 was $51.2 billion.");

        using var response = await server.Client.PostAsync("/v1/chatqna",
            Json("""{"messages": "What is the revenue of Nike in 2023?", "max_tokens": 32, "stream": false}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;
        Assert.Equal(["id", "object", "created", "model", "choices", "usage"], root.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^chatcmpl-[23456789A-HJ-NP-Za-km-z]{22}$", root.GetProperty("id").GetString());
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.InRange(root.GetProperty("created").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal("chatqna", root.GetProperty("model").GetString());
        var choice = Assert.Single(root.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("From nike.txt:\nNike revenue in 2023 was $51.2 billion.", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, choice.GetProperty("message").GetProperty("audio").ValueKind);
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(JsonValueKind.Null, choice.GetProperty("metadata").ValueKind);
        Assert.Equal("""{"prompt_tokens":0,"total_tokens":0,"completion_tokens":0}""", root.GetProperty("usage").GetRawText());
    }

    [Fact]
    public async Task MaxTokens_LimitsTheNumberOfChunks()
    {
        await using var server = await ChatQnaServer.StartAsync();
        using var response = await server.Client.PostAsync("/v1/chatqna", Json("""{"messages": "anything at all", "max_tokens": 3}"""), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("data: b'The'\n\ndata: b' knowledge'\n\ndata: b' base'\n\ndata: [DONE]\n\n", body);
    }

    [Fact]
    public async Task MessagesList_UsesOpeaRoles_AndUnknownRoleIs400()
    {
        await using var server = await ChatQnaServer.StartAsync();
        await IngestFileAsync(server.Client, "llama.txt", "Llamas live in the Andes.");

        using var ok = await server.Client.PostAsync("/v1/chatqna", Json("""
            {"stream": false, "messages": [
              {"role": "system", "content": "You are helpful assistant"},
              {"role": "user", "content": [{"type": "text", "text": "Where do llamas live?"}]},
              {"role": "assistant", "content": "earlier answer"}]}
            """), Ct);
        using var okJson = JsonDocument.Parse(await ok.Content.ReadAsStringAsync(Ct));
        Assert.Equal("From llama.txt:\nLlamas live in the Andes.",
            okJson.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());

        using var bad = await server.Client.PostAsync("/v1/chatqna", Json("""{"messages": [{"role": "tool", "content": "x"}]}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("""{"detail":"Unknown role: tool"}""", await bad.Content.ReadAsStringAsync(Ct));

        using var missing = await server.Client.PostAsync("/v1/chatqna", Json("""{"stream": false}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("'messages' is required", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingMatches_SaysSo()
    {
        await using var server = await ChatQnaServer.StartAsync();
        await IngestFileAsync(server.Client, "nike.txt", "Nike revenue in 2023 was $51.2 billion.");
        var answer = await AskAsync(server.Client, "Who painted the Mona Lisa?");
        Assert.Equal("I found nothing about \"Who painted the Mona Lisa?\" in the 1 ingested document.", answer);
    }

    [Theory]
    [InlineData("jwt-parsed", "eyJzdWIiOiJ1LTEiLCJwcmVmZXJyZWRfdXNlcm5hbWUiOiJtYXJ5In0")] // {"sub":"u-1","preferred_username":"mary"}, unpadded base64url
    [InlineData("x-auth-request-preferred-username", "mary")]
    [InlineData("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJwcmVmZXJyZWRfdXNlcm5hbWUiOiJtYXJ5In0.c2ln")]
    public async Task Identity_AddressesUserByPreferredUsername(string header, string value)
    {
        await using var server = await ChatQnaServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chatqna") { Content = Json("""{"messages": "hi", "stream": false}""") };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await server.Client.SendAsync(request, Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("Hello mary. ", json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionSetting_IsReturnedInHeader()
    {
        await using var v2 = await ChatQnaServer.StartAsync(new Dictionary<string, string?> { ["VERSION"] = "v2" });
        using var response = await v2.Client.GetAsync("/v1/health_check", Ct);
        Assert.Equal("v2", response.Headers.GetValues("x-chatqna-version").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("""{"Service Title":"ChatQnAService","Version":"1.5","Service Description":"OPEA Microservice Infrastructure"}""", json.RootElement.GetRawText());

        await using var v1 = await ChatQnaServer.StartAsync();
        using var page = await v1.Client.GetAsync("/", Ct);
        Assert.Equal("v1", page.Headers.GetValues("x-chatqna-version").Single());
        Assert.Contains("Enter prompt here", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GmcPayload_StreamsOpeaEventsAsApplicationJson()
    {
        await using var server = await ChatQnaServer.StartAsync();
        await IngestFileAsync(server.Client, "nike.txt", "Nike revenue in 2023 was $51.2 billion.");

        using var response = await server.Client.PostAsync("/",
            Json("""{"text":"What is the revenue of Nike in 2023?","parameters":{"max_new_tokens":17, "do_sample": true}}"""), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("data: b'From'\n\ndata: b' nike.txt:'\n\n", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);

        using var bad = await server.Client.PostAsync("/", Json("""{"parameters":{}}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    internal static async Task IngestFileAsync(HttpClient client, string name, string content, string? bearerPayload = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/dataprep/ingest") { Content = form };
        if (bearerPayload is not null)
        {
            request.Headers.TryAddWithoutValidation("jwt-parsed", bearerPayload);
        }

        using var response = await client.SendAsync(request, Ct);
        Assert.Equal("""{"status":200,"message":"Data preparation succeeded"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsync("/v1/chatqna",
            Json(JsonSerializer.Serialize(new { messages = question, stream = false })), Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }
}
