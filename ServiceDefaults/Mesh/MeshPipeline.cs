using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>
/// The proxy's filter chain for one request, shared by the gateway and the sidecars: normalisation, CUSTOM (ext_authz
/// call), jwt_authn, RBAC and, on gateways, routing. Writes Envoy's local reply itself when the request stops here.
/// </summary>
public sealed class MeshPipeline(
    MeshConfigurationStore store,
    MeshEvaluator evaluator,
    ExtAuthzClient extAuthz,
    MeshTelemetry telemetry,
    DecisionLog decisions,
    IOptions<MeshOptions> options,
    TimeProvider time,
    ILogger<MeshPipeline> logger)
{
    public MeshConfigurationStore Store => store;

    /// <summary>The evaluation when the request goes on upstream; null when a local reply was written.</summary>
    public async Task<MeshEvaluation?> EnforceAsync(HttpContext context, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workload);
        var explain = options.Value.ExplainResponses;
        var request = MeshHttp.ToMeshRequest(context);
        var prepared = MeshEvaluator.Prepare(store.Current, workload, request);
        MeshEvaluation evaluation;
        if (prepared.Rejected)
        {
            evaluation = MeshEvaluator.Rejected(prepared);
        }
        else if (prepared.Custom is { } failClosed && (failClosed.FailClosed || failClosed.Provider is null))
        {
            // Unusable providers fail closed as in Istio; a gRPC provider cannot be called by this host, so it does too.
            evaluation = MeshEvaluator.CustomFailClosed(prepared, failClosed);
        }
        else
        {
            if (prepared.Custom is { Provider: { } provider } custom)
            {
                var check = await extAuthz.CheckAsync(provider, request, workload.Namespace, context.RequestAborted);
                if (!check.Allowed)
                {
                    var denied = new MeshEvaluation
                    {
                        Stage = DecisionStage.Custom,
                        Status = check.Status,
                        Body = check.Body,
                        Custom = custom,
                        Explanation = [$"{check.Status}: {check.Reason} (CUSTOM policy {custom.Policy.QualifiedName} rule {custom.RuleIndex})"],
                    };
                    Record(workload, request, denied);
                    await MeshHttp.WriteLocalReplyAsync(context, check.Status, check.Body, check.DownstreamHeaders, explain ? Explain(workload, denied) : null);
                    return null;
                }

                foreach (var (name, value) in check.UpstreamHeaders)
                {
                    prepared.UpstreamHeaders.Set(name, value);
                }

                foreach (var (name, value) in check.DownstreamHeaders)
                {
                    context.Response.Headers.Append(name, value);
                }
            }

            evaluation = await evaluator.ContinueAsync(prepared, time.GetUtcNow(), explain || logger.IsEnabled(LogLevel.Debug), context.RequestAborted);
        }

        Record(workload, request, evaluation);
        if (evaluation.Forwarded)
        {
            if (explain)
            {
                context.Response.Headers.Append(MeshHttp.ExplainHeader, MeshHttp.Sanitize(Explain(workload, evaluation)));
            }

            return evaluation;
        }

        await MeshHttp.WriteLocalReplyAsync(context, evaluation.Status, evaluation.Body, evaluation.ResponseHeaders, explain ? Explain(workload, evaluation) : null);
        return null;
    }

    /// <summary>The one-line reason, naming the proxy (gateway and sidecar both explain what they did).</summary>
    private static string Explain(Workload workload, MeshEvaluation evaluation) => $"[{workload}] {evaluation.Summary}";

    private void Record(Workload workload, MeshRequest request, MeshEvaluation evaluation)
    {
        telemetry.Record(workload.ToString(), evaluation);
        decisions.Add(new DecisionRecord(time.GetUtcNow(), workload.ToString(), request.Method, request.Host,
            AspireAuth.Mesh.Evaluation.QueryString.PathOnly(request.Path), evaluation.Status, evaluation.Stage.ToString(), evaluation.Explanation));
        logger.Decision(request.Method, request.Host, AspireAuth.Mesh.Evaluation.QueryString.PathOnly(request.Path), evaluation.Status, evaluation.Stage.ToString(), string.Join(" | ", evaluation.Explanation));
    }
}
