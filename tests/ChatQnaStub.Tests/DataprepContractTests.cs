using System.Net;
using System.Text;

namespace AspireAuth.ChatQnaStub.Tests;

/// <summary>OPEA's dataprep bodies and errors, and the backend-side ownership check.</summary>
public sealed class DataprepContractTests
{
    // {"sub":"owner-1","preferred_username":"mary"} and {"sub":"other-2","preferred_username":"bob"}, base64url.
    private const string Mary = "eyJzdWIiOiJvd25lci0xIiwicHJlZmVycmVkX3VzZXJuYW1lIjoibWFyeSJ9";
    private const string Bob = "eyJzdWIiOiJvdGhlci0yIiwicHJlZmVycmVkX3VzZXJuYW1lIjoiYm9iIn0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingest_Get_Delete_RoundTrip()
    {
        await using var server = await ChatQnaServer.StartAsync();
        await ChatQnaContractTests.IngestFileAsync(server.Client, "nke-10k-2023.pdf", "10-K");
        Assert.Equal("""{"status":200,"message":"Data preparation succeeded"}""", await PostFormAsync(server.Client, ("link_list", """["https://opea.dev"]""")));

        Assert.Equal(
            """[{"name":"nke-10k-2023.pdf","id":"nke-10k-2023.pdf","type":"File","parent":"","index_name":"rag_redis"},{"name":"https://opea.dev.txt","id":"https://opea.dev.txt","type":"File","parent":"","index_name":"rag_redis"}]""",
            await PostAsync(server.Client, "/v1/dataprep/get", null, HttpStatusCode.OK));

        Assert.Equal("""{"status":true}""", await PostAsync(server.Client, "/v1/dataprep/delete", """{"file_path":"https://opea.dev.txt"}""", HttpStatusCode.OK));
        Assert.Equal("""{"status":true}""", await PostAsync(server.Client, "/v1/dataprep/delete", """{"file_path":"all"}""", HttpStatusCode.OK));
        Assert.Equal("[]", await PostAsync(server.Client, "/v1/dataprep/get", null, HttpStatusCode.OK));
    }

    [Fact]
    public async Task Ingest_Errors_AreOpeas()
    {
        await using var server = await ChatQnaServer.StartAsync();
        await ChatQnaContractTests.IngestFileAsync(server.Client, "a.txt", "alpha");
        await PostFormAsync(server.Client, ("link_list", """["https://opea.dev"]"""));

        Assert.Equal("""{"detail":"Uploaded file a.txt already exists. Please change file name or index name."}""",
            await PostFormAsync(server.Client, HttpStatusCode.BadRequest, ("files", "a.txt")));
        Assert.Equal("""{"detail":"Uploaded link https://opea.dev already exists. Please change another link or index_name."}""",
            await PostFormAsync(server.Client, HttpStatusCode.BadRequest, ("link_list", """["https://opea.dev"]""")));
        Assert.Equal("""{"detail":"Must provide either a file or a string list."}""",
            await PostFormAsync(server.Client, HttpStatusCode.BadRequest, ("chunk_size", "1500")));
        Assert.Equal("""{"detail":"Index name 'all' is reserved. Please use another index_name."}""",
            await PostFormAsync(server.Client, HttpStatusCode.BadRequest, ("link_list", """["https://x.dev"]"""), ("index_name", "all")));
        Assert.Equal("""{"detail":"Link_list {'url': 'https://x.dev'} should be a list."}""",
            await PostFormAsync(server.Client, HttpStatusCode.BadRequest, ("link_list", """{"url": "https://x.dev"}""")));
        Assert.Equal("""{"detail":"Link_list https://x.dev should be a list."}""",
            await PostFormAsync(server.Client, HttpStatusCode.BadRequest, ("link_list", "\"https://x.dev\"")));
    }

    [Fact]
    public async Task Delete_Errors_AreOpeas()
    {
        await using var server = await ChatQnaServer.StartAsync();
        Assert.Equal("""{"detail":"File not found in db file-keys. Please check file_path."}""",
            await PostAsync(server.Client, "/v1/dataprep/delete", """{"file_path":"missing.pdf"}""", HttpStatusCode.NotFound));
        Assert.Equal("""{"detail":[{"type":"missing","loc":["body","file_path"],"msg":"Field required","input":null}]}""",
            await PostAsync(server.Client, "/v1/dataprep/delete", "{}", HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task Delete_ByAnotherIdentity_Is403WithDetail_AndOwnerMayDelete()
    {
        await using var server = await ChatQnaServer.StartAsync();
        await ChatQnaContractTests.IngestFileAsync(server.Client, "mary.txt", "secret plans", Mary);

        Assert.Equal("""{"detail":"File mary.txt belongs to another user; only its owner can delete it."}""",
            await PostAsync(server.Client, "/v1/dataprep/delete", """{"file_path":"mary.txt"}""", HttpStatusCode.Forbidden, Bob));
        Assert.Equal("""{"detail":"File mary.txt belongs to another user; only its owner can delete it."}""",
            await PostAsync(server.Client, "/v1/dataprep/delete", """{"file_path":"all"}""", HttpStatusCode.Forbidden, Bob));
        Assert.Equal("""{"status":true}""",
            await PostAsync(server.Client, "/v1/dataprep/delete", """{"file_path":"mary.txt"}""", HttpStatusCode.OK, Mary));
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string? json, HttpStatusCode expected, string? jwtParsed = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (jwtParsed is not null)
        {
            request.Headers.TryAddWithoutValidation("jwt-parsed", jwtParsed);
        }

        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{path}: expected {expected}, got {response.StatusCode}: {body}");
        return body;
    }

    private static Task<string> PostFormAsync(HttpClient client, params (string Name, string Value)[] fields) =>
        PostFormAsync(client, HttpStatusCode.OK, fields);

    private static async Task<string> PostFormAsync(HttpClient client, HttpStatusCode expected, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (name == "files")
            {
                form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("content")), "files", value);
            }
            else
            {
                form.Add(new StringContent(value), name);
            }
        }

        using var response = await client.PostAsync("/v1/dataprep/ingest", form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return body;
    }
}
