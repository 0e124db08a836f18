using System.Text;
using System.Text.Json;
using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Loading;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Check;

/// <summary>
/// The offline <c>check</c>: loads the YAML, evaluates each request as the selected proxy would, writes JSON. Exit code
/// 0 when evaluation ran, 2 for bad arguments or an invalid configuration (message on stderr).
/// </summary>
public static class CheckRunner
{
    public const int Success = 0;
    public const int InvalidInput = 2;

    public static async Task<int> RunAsync(CheckOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr, HttpClient? http = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        MeshConfiguration configuration;
        Workload workload;
        IReadOnlyList<MeshRequest> requests;
        bool isArray;
        try
        {
            if (options.ConfigPaths.Count == 0)
            {
                throw new FormatException("--config: give at least one YAML file or folder");
            }

            workload = Workload.Parse(options.Workload);
            configuration = MeshConfigLoader.Load(options.ConfigPaths, options.Variables);
            if (options.RootNamespace is { Length: > 0 } root)
            {
                configuration = configuration with { MeshConfig = configuration.MeshConfig with { RootNamespace = root } };
            }

            var (json, source) = options.Request == "-"
                ? (await stdin.ReadToEndAsync(cancellationToken), "stdin")
                : (await File.ReadAllTextAsync(options.Request, cancellationToken), options.Request);
            (requests, isArray) = CheckRequestParser.Parse(json, source, warning => stderr.WriteLine($"warning: {warning}"));
        }
        catch (ConfigValidationException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return InvalidInput;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return InvalidInput;
        }

        var ownsClient = http is null;
        http ??= new HttpClient();
        try
        {
            var evaluator = new MeshEvaluator(new RequestAuthenticator(
                new HttpJwksProvider(http) { LocalFiles = options.JwksFiles ?? new Dictionary<string, string>() }, new VerifiedTokenCache()));
            var snapshot = new MeshSnapshot(configuration);
            var now = options.Now is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                if (isArray)
                {
                    writer.WriteStartArray();
                }

                foreach (var request in requests)
                {
                    var evaluation = await evaluator.EvaluateAsync(snapshot, workload, request, now, explain: true, cancellationToken);
                    CheckOutput.Write(writer, evaluation);
                }

                if (isArray)
                {
                    writer.WriteEndArray();
                }
            }

            await stdout.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
            return Success;
        }
        finally
        {
            if (ownsClient)
            {
                http.Dispose();
            }
        }
    }
}
