using System.Net;
using System.Text.Json;

namespace AspireAuth.Gateway.Tests;

/// <summary>The development endpoints behind the dashboard commands: last decisions and reload.</summary>
public sealed class AdminEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decisions_ListTheLastRequestsWithReasons_AndReloadReportsErrors()
    {
        const string Workloads = "workloads:\n- {name: gateway, namespace: istio-system, labels: {istio: ingressgateway}}\n";
        await using var env = GatewayEnvironment.Create(Workloads, ("deny.yaml", """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny-all, namespace: istio-system}
            spec: {action: DENY, rules: [{}]}
            """));
        await env.StartGatewayAsync();
        using var denied = await env.Client.GetAsync("/secret?token=abc", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        using var decisions = JsonDocument.Parse(await env.Client.GetStringAsync("/debug/mesh/decisions", Ct));
        var last = decisions.RootElement[0];
        Assert.Equal("/secret", last.GetProperty("path").GetString());
        Assert.Equal(403, last.GetProperty("status").GetInt32());
        Assert.Contains("istio-system/deny-all", last.GetProperty("explanation")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("abc", decisions.RootElement.GetRawText(), StringComparison.Ordinal);

        env.Write("broken.yaml", "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: b, namespace: x}\nspec: {action: NOPE}\n");
        using var reload = await env.Client.PostAsync("/debug/mesh/reload", null, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        using var body = JsonDocument.Parse(await reload.Content.ReadAsStringAsync(Ct));
        Assert.False(body.RootElement.GetProperty("reloaded").GetBoolean());
        Assert.Contains("broken.yaml: AuthorizationPolicy/x/b: spec.action", body.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }
}
