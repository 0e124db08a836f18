using System.Diagnostics;
using System.Diagnostics.Metrics;
using AspireAuth.Mesh.Evaluation;
using Microsoft.Extensions.Hosting;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>Each decision on the request's trace (an Activity with action, policy, rule, principal) and counted by outcome.</summary>
public sealed class MeshTelemetry : IDisposable
{
    public const string MeterName = "AspireAuth.Mesh";

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;

    public MeshTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _decisions = _meter.CreateCounter<long>("aspireauth.mesh.decisions", description: "Mesh decisions by workload, stage and status.");
    }

    public void Record(string workload, MeshEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        _decisions.Add(1,
            new KeyValuePair<string, object?>("workload", workload),
            new KeyValuePair<string, object?>("stage", evaluation.Stage.ToString()),
            new KeyValuePair<string, object?>("status", evaluation.Status));

        using var activity = AspireAuthTelemetry.ActivitySource.StartActivity("mesh.decision");
        if (activity is null)
        {
            return;
        }

        activity.SetTag("mesh.workload", workload);
        activity.SetTag("mesh.stage", evaluation.Stage.ToString());
        activity.SetTag("mesh.status", evaluation.Status);
        activity.SetTag("mesh.action", evaluation.Authorization?.DecidedBy);
        activity.SetTag("mesh.policy", evaluation.Authorization?.DecidingPolicy?.Policy.QualifiedName ?? evaluation.Custom?.Policy.QualifiedName);
        activity.SetTag("mesh.rule", evaluation.Authorization?.DecidingPolicy?.RuleIndex);
        if (evaluation.Authentication?.Claims is { } claims)
        {
            activity.SetTag("mesh.request_principal", $"{claims.Issuer}/{claims.Subject}");
        }

        activity.SetTag("mesh.explanation", evaluation.Summary);
        if (!evaluation.Forwarded)
        {
            activity.SetStatus(ActivityStatusCode.Error, evaluation.Summary);
        }
    }

    public void Dispose() => _meter.Dispose();
}
