#pragma warning disable ASPIREPIPELINES001 // The pipeline API is how Aspire 13 publishes (aspire.md §6).
#pragma warning disable ASPIREPIPELINES004 // IPipelineOutputService: where `aspire publish --output-path` points.

using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireAuth.AppHost.Publishing;

/// <summary>
/// The publish step that writes the Istio bundle: <c>aspire publish</c> (or <c>aspire do publish-istio-bundle</c>) runs
/// <c>aspireauth manifests --output &lt;output&gt;/istio</c>, rendering <c>config/</c> for the cluster.
/// </summary>
public static class IstioBundlePublishingExtensions
{
    /// <summary>The pipeline step's name.</summary>
    public const string StepName = "publish-istio-bundle";

    /// <summary>The bundle's folder under the publish output directory (<c>kubectl apply -k &lt;output&gt;/istio</c>).</summary>
    public const string OutputDirectoryName = "istio";

    /// <summary>Adds the step, after <c>publish-prereq</c> and required by <c>publish</c>.</summary>
    public static IDistributedApplicationBuilder AddIstioBundlePublishing(this IDistributedApplicationBuilder builder, RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(layout);
        var step = new PipelineStep
        {
            Name = StepName,
            Description = "Renders config/ into the Istio bundle (aspireauth manifests).",
            Action = context => PublishAsync(context, layout),
        };
        step.DependsOn(WellKnownPipelineSteps.PublishPrereq);
        step.RequiredBy(WellKnownPipelineSteps.Publish);
        builder.Pipeline.AddStep(step);
        return builder;
    }

    private static async Task PublishAsync(PipelineStepContext context, RepositoryLayout layout)
    {
        var output = Path.Combine(context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory(), OutputDirectoryName);
        var options = IstioBundleOptions.From(context.Services.GetRequiredService<IConfiguration>());
        var invocation = ManifestsInvocation.Create(
            ManifestsInvocation.DotnetHostPath(), new Projects.DevHost().ProjectPath, layout, output, options);

        await using var task = await context.ReportingStep.CreateTaskAsync($"Rendering the Istio bundle into {output}", context.CancellationToken);
        var outcome = await ProcessRunner.RunAsync(
            invocation,
            (line, isError) => context.ReportingStep.Log(isError ? LogLevel.Warning : LogLevel.Information, line),
            context.CancellationToken);
        if (outcome.ExitCode != 0)
        {
            var message = $"aspireauth manifests failed with exit code {outcome.ExitCode}: {string.Join(Environment.NewLine, outcome.ErrorTail)}";
            await task.CompleteAsync(message, CompletionState.CompletedWithError, context.CancellationToken);
            throw new InvalidOperationException($"{message}{Environment.NewLine}Command: {invocation}");
        }

        await task.CompleteAsync($"Istio bundle written to {output}", CompletionState.Completed, context.CancellationToken);
    }
}
