using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Authorization;
using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Loading;
using AspireAuth.Mesh.Model;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspireAuth.Mesh.Benchmarks;

/// <summary>
/// Authorization of one request against 10 and 1,000 applicable-or-not policies (budgets: &lt; 2 µs and &lt; 50 µs),
/// and a repeated token (verified-token cache) against a cold RSA verification, measured side by side.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private WorkloadAuthorization _ten = null!;
    private WorkloadAuthorization _thousand = null!;
    private RequestAttributes _request = null!;
    private MeshSnapshot _jwtSnapshot = null!;
    private MeshEvaluator _evaluator = null!;
    private MeshRequest _jwtRequest = null!;
    private Workload _workload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.Parse("foo:app=httpbin,version=v1");
        _ten = Compile(10);
        _thousand = Compile(1000);
        var headers = new RequestHeaders();
        headers.Add("x-team", "blue");
        _request = new RequestAttributes(new MeshRequest { Host = "httpbin.foo:8000", Path = "/api/items/42", Method = "GET", Port = 8000, Headers = headers }, "/api/items/42", headers, null);

        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", kid = "k", e = Base64UrlEncoder.Encode(parameters.Exponent), n = Base64UrlEncoder.Encode(parameters.Modulus) } } });
        var yaml = $$$"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: ra, namespace: foo}
            spec:
              jwtRules: [{issuer: issuer-1, jwks: '{{{jwks}}}'}]
            """;
        _jwtSnapshot = new MeshSnapshot(MeshConfigLoader.Parse([("ra.yaml", yaml)]));
        var token = new JsonWebTokenHandler().CreateToken(
            """{"iss":"issuer-1","sub":"s","exp":4000000000}""",
            new SigningCredentials(new RsaSecurityKey(RSA.Create(rsa.ExportParameters(true))) { KeyId = "k" }, SecurityAlgorithms.RsaSha256));
        var requestHeaders = new RequestHeaders();
        requestHeaders.Add("authorization", "Bearer " + token);
        _jwtRequest = new MeshRequest { Host = "httpbin.foo:8000", Path = "/", Headers = requestHeaders };
        _evaluator = new MeshEvaluator(new RequestAuthenticator(null, new VerifiedTokenCache()));
    }

    [Benchmark(Baseline = true)]
    public bool Authorize_10Policies() => _ten.Evaluate(_request, explain: false).Allowed;

    [Benchmark]
    public bool Authorize_1000Policies() => _thousand.Evaluate(_request, explain: false).Allowed;

    [Benchmark]
    public async Task<int> FullRequest_RepeatedToken_Cached() =>
        (await _evaluator.EvaluateAsync(_jwtSnapshot, _workload, _jwtRequest, DateTimeOffset.UtcNow, explain: false)).Status;

    [Benchmark]
    public async Task<int> FullRequest_ColdToken_RsaVerification()
    {
        var cold = new MeshEvaluator(new RequestAuthenticator(null, new VerifiedTokenCache()));
        return (await cold.EvaluateAsync(_jwtSnapshot, _workload, _jwtRequest, DateTimeOffset.UtcNow, explain: false)).Status;
    }

    /// <summary>
    /// <paramref name="count"/> policies spread over 50 namespaces and several workloads (so indexing matters); the ones
    /// that apply to foo:app=httpbin are DENY rules that do not match and ALLOW rules of which the last one matches.
    /// </summary>
    private WorkloadAuthorization Compile(int count)
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var ns = i % 50 == 0 ? "foo" : $"ns{i % 50}";
            var app = i % 3 == 0 ? "httpbin" : $"app{i}";
            var action = i % 4 == 0 ? "DENY" : "ALLOW";
            var path = i == count - 1 || (count == 10 && i == 9) ? "/api/items/*" : $"/other/{i}/*";
            yaml.Append(CultureInfo.InvariantCulture, $$$$"""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p{{{{i}}}}, namespace: {{{{(count == 10 ? "foo" : ns)}}}}}
                spec:
                  selector: {matchLabels: {app: {{{{(count == 10 || i == count - 1 ? "httpbin" : app)}}}}}}
                  action: {{{{(i == count - 1 ? "ALLOW" : action)}}}}
                  rules:
                  - from: [{source: {notNamespaces: [blocked]}}]
                    to: [{operation: {methods: [GET, POST], paths: ["{{{{path}}}}"]}}]
                    when: [{key: "request.headers[x-team]", values: [blue, green]}]
                ---

                """);
        }

        var snapshot = new MeshSnapshot(MeshConfigLoader.Parse([("policies.yaml", yaml.ToString())]));
        return snapshot.For(_workload).Authorization;
    }
}
