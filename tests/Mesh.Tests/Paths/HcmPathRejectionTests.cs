using AspireAuth.Mesh.Check;

namespace AspireAuth.Mesh.Tests.Paths;

/// <summary>What Envoy's HCM answers itself, before any filter, for a path it refuses (<c>decodeHeaders</c>).</summary>
public sealed class HcmPathRejectionTests
{
    private const string DenyAll = """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-all, namespace: foo}
        spec:
          action: DENY
          rules: [{}]
        """;

    [Fact]
    public async Task NormalisationFailure_Is400WithAnEmptyBody()
    {
        var result = await new MeshHarness(DenyAll).EvaluateAsync("foo:app=httpbin", MeshHarness.Request(path: "/a%00b"));
        Assert.Equal(400, result.Status);
        Assert.Equal(string.Empty, result.Body);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("http://httpbin.foo:8000/headers")]
    [InlineData("")]
    public async Task PathNotStartingWithSlash_Is404WithAnEmptyBody_BeforeAuthorization(string path)
    {
        var result = await new MeshHarness(DenyAll).EvaluateAsync("foo:app=httpbin", MeshHarness.Request(path: path));
        Assert.Equal(404, result.Status);
        Assert.Equal(string.Empty, result.Body);
        Assert.False(result.Forwarded);
    }

    [Fact]
    public void CheckRequest_EmptyPath_IsSentAsSlash()
    {
        var (requests, _) = CheckRequestParser.Parse("""{"host": "a", "path": ""}""", "test");
        Assert.Equal("/", Assert.Single(requests).Path);
    }
}
