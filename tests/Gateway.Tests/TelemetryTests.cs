using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using AspireAuth.ServiceDefaults.Mesh;

namespace AspireAuth.Gateway.Tests;

/// <summary>Listeners see every decision in the process, so these tests do not run beside the others.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>Each decision on the trace (Activity <c>mesh.decision</c> with action, policy, rule, principal) and counted by outcome.</summary>
[Collection(typeof(TelemetryCollection))]
public sealed class TelemetryTests
{
    private const string Workloads = """
        workloads:
        - {name: gateway, service: istio-ingressgateway, namespace: istio-system, labels: {istio: ingressgateway, app: istio-ingressgateway}}
        - {name: chatqna, service: chatqna, namespace: chatqa, port: 8888, labels: {app: chatqna, version: v1}}
        """;

    [Fact]
    public async Task Decisions_AreActivitiesWithActionPolicyRulePrincipal_AndCountedByStatus()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AspireAuthTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var counts = new ConcurrentDictionary<(string Workload, int Status), long>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MeshTelemetry.MeterName && instrument.Name == "aspireauth.mesh.decisions")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var workload = string.Empty;
            var status = 0;
            foreach (var tag in tags)
            {
                (workload, status) = tag.Key switch
                {
                    "workload" => ((string)tag.Value!, status),
                    "status" => (workload, (int)tag.Value!),
                    _ => (workload, status),
                };
            }

            counts.AddOrUpdate((workload, status), value, (_, total) => total + value);
        });
        meterListener.Start();

        var key = TestTokens.Generate("kc");
        await using var jwks = await LoopbackApp.StartAsync(app => app.MapGet("/realms/istio/protocol/openid-connect/certs", () => Results.Text(key.Jwks, "application/json")));
        var variables = new Dictionary<string, string> { ["KEYCLOAK_ADDR"] = jwks.Url.Authority, ["REALM"] = "istio" };
        string Repo(string file) => File.ReadAllText(Path.Combine(GatewayEnvironment.RepositoryRoot, "config", "istio", file));
        await using var env = GatewayEnvironment.Create(Workloads, ("gateway.yaml", Repo("gateway.yaml")),
            ("authn.yaml", Repo("chatQnA_authN_keycloak.yaml")), ("authz.yaml", Repo("chatQnA_authZ_keycloak.yaml")));
        await env.StartChatQnaAsync(variables: variables);
        await env.StartGatewayAsync(variables);
        var issuer = $"http://{jwks.Url.Authority}/realms/istio";
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        string Token(string user, string role) => key.Sign(new { iss = issuer, sub = user, preferred_username = user, realm_access = new { roles = new[] { role } }, exp = future });

        Assert.Equal(HttpStatusCode.OK, (await JwtFlowTests.AskAsync(env, Token("mary", "user"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await JwtFlowTests.AskAsync(env, Token("bob", "viewer"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await JwtFlowTests.AskAsync(env, null)).Status);
        meterListener.RecordObservableInstruments();

        var atChatQna = activities.Where(a => a.OperationName == "mesh.decision" && ((string?)a.GetTagItem("mesh.workload") ?? string.Empty).Contains("app=chatqna", StringComparison.Ordinal)).ToArray();
        var mary = Assert.Single(atChatQna, a => (string?)a.GetTagItem("mesh.request_principal") == $"{issuer}/mary");
        Assert.Equal(200, mary.GetTagItem("mesh.status"));
        Assert.Equal("ALLOW", mary.GetTagItem("mesh.action"));
        Assert.Equal("chatqa/router", mary.GetTagItem("mesh.policy"));
        Assert.Equal(0, mary.GetTagItem("mesh.rule"));
        var bob = Assert.Single(atChatQna, a => (string?)a.GetTagItem("mesh.request_principal") == $"{issuer}/bob");
        Assert.Equal(403, bob.GetTagItem("mesh.status"));
        Assert.Equal("NO_ALLOW_MATCH", bob.GetTagItem("mesh.action"));
        Assert.Equal(ActivityStatusCode.Error, bob.Status);
        Assert.Contains("request.auth.claims[preferred_username] wanted [mary], request had bob", (string?)bob.GetTagItem("mesh.explanation"), StringComparison.Ordinal);

        var chatqna = counts.Where(c => c.Key.Workload.Contains("app=chatqna", StringComparison.Ordinal)).ToArray();
        Assert.Equal(1, chatqna.Where(c => c.Key.Status == 200).Sum(c => c.Value));
        Assert.Equal(2, chatqna.Where(c => c.Key.Status == 403).Sum(c => c.Value));
    }
}
