using System.Globalization;
using System.Text;
using System.Text.Json;
using AspireAuth.ChatQnaStub.Documents;
using AspireAuth.ChatQnaStub.Identity;

namespace AspireAuth.ChatQnaStub.Apis;

/// <summary>OPEA's dataprep API (Redis flavour) over the in-memory <see cref="DocumentStore"/>.</summary>
public static class DataprepApi
{
    public static IEndpointRouteBuilder MapDataprepApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/dataprep/ingest", IngestAsync).DisableAntiforgery().WithName("DataprepIngest");
        app.MapPost("/v1/dataprep/get", GetAsync).WithName("DataprepGet");
        app.MapPost("/v1/dataprep/delete", DeleteAsync).WithName("DataprepDelete");
        app.MapPost("/v1/dataprep/indices", (DocumentStore store) =>
            Results.Json(store.List().Select(d => d.IndexName).Distinct().ToArray())).WithName("DataprepIndices");
        return app;
    }

    private static async Task<IResult> IngestAsync(HttpRequest request, DocumentStore store)
    {
        if (!request.HasFormContentType)
        {
            return OpeaErrors.Detail(StatusCodes.Status400BadRequest, "Must provide either a file or a string list.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var indexName = form["index_name"].ToString();
        if (indexName == "all")
        {
            return OpeaErrors.Detail(StatusCodes.Status400BadRequest, "Index name 'all' is reserved. Please use another index_name.");
        }

        var index = indexName.Length > 0 ? indexName : DocumentStore.DefaultIndexName;
        var owner = RequestIdentity.From(request.Headers)?.Subject;
        var files = form.Files.GetFiles("files");
        if (files.Count > 0)
        {
            var documents = new List<IngestedDocument>();
            foreach (var file in files)
            {
                documents.Add(new IngestedDocument(file.FileName, index, await ReadTextAsync(file), owner));
            }

            var duplicate = store.TryAddAll(documents);
            return duplicate is null
                ? Succeeded()
                : OpeaErrors.Detail(StatusCodes.Status400BadRequest,
                    $"Uploaded file {duplicate.Id} already exists. Please change file name or index name.");
        }

        var linkList = form["link_list"].ToString();
        if (linkList.Length > 0)
        {
            return IngestLinks(linkList, index, owner, store);
        }

        return OpeaErrors.Detail(StatusCodes.Status400BadRequest, "Must provide either a file or a string list.");
    }

    private static IResult IngestLinks(string linkList, string index, string? owner, DocumentStore store)
    {
        JsonElement links;
        try
        {
            using var document = JsonDocument.Parse(linkList);
            links = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // OPEA's json.loads raises JSONDecodeError, which FastAPI answers as a bare 500.
            return Results.Text("Internal Server Error", "text/plain", statusCode: StatusCodes.Status500InternalServerError);
        }

        if (links.ValueKind != JsonValueKind.Array)
        {
            return OpeaErrors.Detail(StatusCodes.Status400BadRequest, $"Link_list {PythonStr(links)} should be a list.");
        }

        foreach (var link in links.EnumerateArray())
        {
            var url = link.ValueKind == JsonValueKind.String ? link.GetString()! : PythonStr(link);
            var document = new IngestedDocument($"{url}.txt", index, $"Link {url} (ChatQnaStub does not fetch pages; the link text is its content.)", owner);
            if (store.TryAddAll([document]) is not null)
            {
                return OpeaErrors.Detail(StatusCodes.Status400BadRequest,
                    $"Uploaded link {url} already exists. Please change another link or index_name.");
            }
        }

        return Succeeded();
    }

    private static async Task<IResult> GetAsync(HttpRequest request, DocumentStore store)
    {
        var indexName = await ReadOptionalStringAsync(request, "index_name");
        var files = store.List(indexName).Select(d => new Dictionary<string, string>
        {
            ["name"] = d.Id,
            ["id"] = d.Id,
            ["type"] = "File",
            ["parent"] = string.Empty,
            ["index_name"] = d.IndexName,
        });
        return Results.Json(files);
    }

    private static async Task<IResult> DeleteAsync(HttpRequest request, DocumentStore store)
    {
        var filePath = await ReadOptionalStringAsync(request, "file_path");
        if (filePath is null)
        {
            return OpeaErrors.MissingBodyField("file_path");
        }

        var indexName = await ReadOptionalStringAsync(request, "index_name");
        var requester = RequestIdentity.From(request.Headers)?.Subject;
        var (outcome, document) = store.Delete(filePath, indexName, requester);
        return outcome switch
        {
            DeleteOutcome.Deleted => Results.Json(new Dictionary<string, bool> { ["status"] = true }),
            DeleteOutcome.Forbidden => OpeaErrors.Detail(StatusCodes.Status403Forbidden,
                $"File {document!.Id} belongs to another user; only its owner can delete it."),
            _ => OpeaErrors.Detail(StatusCodes.Status404NotFound, "File not found in db file-keys. Please check file_path."),
        };
    }

    private static IResult Succeeded() =>
        Results.Json(new Dictionary<string, object> { ["status"] = 200, ["message"] = "Data preparation succeeded" });

    private static async Task<string> ReadTextAsync(IFormFile file)
    {
        using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        // Text files are searched by content; binary files (PDF, images) only by their name.
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return file.FileName;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return file.FileName;
        }
    }

    /// <summary>A string field of an optional JSON body (the UI sends none); body is buffered so it can be read twice.</summary>
    private static async Task<string?> ReadOptionalStringAsync(HttpRequest request, string field)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    /// <summary>Python's <c>str()</c> of a value <c>json.loads</c> returned, as OPEA's f-string prints it.</summary>
    internal static string PythonStr(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(PythonRepr)) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", value.EnumerateObject().Select(p => $"{PythonStringRepr(p.Name)}: {PythonRepr(p.Value)}")) + "}",
        _ => value.GetRawText(),
    };

    private static string PythonRepr(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? PythonStringRepr(value.GetString()!) : PythonStr(value);

    private static string PythonStringRepr(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal);
        if (quote == '\'')
        {
            escaped = escaped.Replace("'", "\\'", StringComparison.Ordinal);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{quote}{escaped}{quote}");
    }
}
