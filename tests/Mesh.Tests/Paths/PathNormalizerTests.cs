using AspireAuth.Mesh.Model;
using AspireAuth.Mesh.Paths;

namespace AspireAuth.Mesh.Tests.Paths;

public sealed class PathNormalizerTests
{
    [Theory]
    [InlineData("/a/./b/../c", "/a/c")]
    [InlineData("/../a", "/a")]
    [InlineData("/a/..", "/")]
    [InlineData("/a\\b", "/a/b")]
    [InlineData("/%61%62%2d%7E", "/ab-~")]
    [InlineData("/a/%2e%2e/b", "/b")]
    [InlineData("/a//b", "/a//b")]
    [InlineData("/a%2Fb", "/a%2Fb")]
    [InlineData("/a%2fb", "/a%2Fb")]
    [InlineData("/a/../b?x=/../y", "/b?x=/../y")]
    public void Base(string input, string expected) => Assert.Equal(expected, PathNormalizer.Normalize(input, PathNormalization.Base));

    [Theory]
    [InlineData("/a//b///c", PathNormalization.MergeSlashes, "/a/b/c")]
    [InlineData("/a%2Fb", PathNormalization.MergeSlashes, "/a%2Fb")]
    [InlineData("/a%2F%2Fb", PathNormalization.DecodeAndMergeSlashes, "/a/b")]
    [InlineData("/a%5Cb", PathNormalization.DecodeAndMergeSlashes, "/a/b")]
    [InlineData("/a/../b", PathNormalization.None, "/a/../b")]
    public void Modes(string input, PathNormalization mode, string expected) => Assert.Equal(expected, PathNormalizer.Normalize(input, mode));

    [Fact]
    public void NullByte_IsRejected() => Assert.Null(PathNormalizer.Normalize("/a%00b", PathNormalization.Base));

    [Fact]
    public async Task PoliciesSeeTheNormalisedPath_FromTheMeshConfig()
    {
        var yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: istio, namespace: istio-system}
            data:
              mesh: |
                pathNormalization: {normalization: MERGE_SLASHES}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny, namespace: foo}
            spec:
              action: DENY
              rules: [{to: [{operation: {paths: [/admin/x]}}]}]
            """;
        var mesh = new MeshHarness(yaml);
        Assert.Equal(403, (await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(path: "//admin//./x"))).Status);
        var bad = await mesh.EvaluateAsync("foo:app=a", MeshHarness.Request(path: "/a%00"));
        Assert.Equal(400, bad.Status);
    }
}
