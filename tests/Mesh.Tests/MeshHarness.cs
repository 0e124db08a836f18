using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Loading;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Tests;

/// <summary>Loads YAML text and evaluates requests through the real engine.</summary>
internal sealed class MeshHarness
{
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private readonly MeshSnapshot _snapshot;
    private readonly MeshEvaluator _evaluator;

    public MeshHarness(string yaml, IJwksProvider? jwks = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        _snapshot = new MeshSnapshot(MeshConfigLoader.Parse([("test.yaml", yaml)], variables));
        Cache = new VerifiedTokenCache();
        _evaluator = new MeshEvaluator(new RequestAuthenticator(jwks, Cache));
    }

    public VerifiedTokenCache Cache { get; }

    public MeshSnapshot Snapshot => _snapshot;

    public Task<MeshEvaluation> EvaluateAsync(string workload, MeshRequest request, DateTimeOffset? now = null) =>
        _evaluator.EvaluateAsync(_snapshot, Workload.Parse(workload), request, now ?? Now, explain: true).AsTask();

    public static MeshRequest Request(string host = "httpbin.foo:8000", string path = "/", string method = "GET", params (string Name, string Value)[] headers)
    {
        var h = new RequestHeaders();
        foreach (var (name, value) in headers)
        {
            h.Add(name, value);
        }

        return new MeshRequest { Host = host, Path = path, Method = method, Headers = h, Port = 8000 };
    }

    public static MeshRequest Bearer(string token, string host = "httpbin.foo:8000", string path = "/") =>
        Request(host, path, "GET", ("authorization", "Bearer " + token));

    /// <summary>The configuration errors of invalid YAML.</summary>
    public static IReadOnlyList<ConfigError> Errors(string yaml)
    {
        var ex = Assert.Throws<ConfigValidationException>(() => MeshConfigLoader.Parse([("bad.yaml", yaml)]));
        return ex.Errors;
    }
}
