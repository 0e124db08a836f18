using AspireAuth.AppHost.Publishing;

namespace AspireAuth.AppHost.Tests.Model;

/// <summary>
/// <c>aspire publish</c> without the CLI: the AppHost in publish mode running only the Istio bundle step, which runs
/// <c>aspireauth manifests</c> (<c>dotnet run --project DevHost</c>, so it builds DevHost when needed: up to minutes).
/// Needs neither the orchestrator nor a container runtime.
/// </summary>
public class PublishStepTests
{
    [Fact]
    public async Task Publish_WritesTheIstioBundleUnderTheOutputPath()
    {
        var output = TestPaths.NewTempDirectory();
        try
        {
            await using var builder = await AppModel.CreateAsync(
                "AppHost:Operation=publish",
                $"Pipeline:OutputPath={output}",
                $"Pipeline:Step={IstioBundlePublishingExtensions.StepName}");
            await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);

            await app.RunAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

            var bundle = Path.Combine(output, IstioBundlePublishingExtensions.OutputDirectoryName);
            var kustomizationFile = Path.Combine(bundle, "kustomization.yaml");
            Assert.True(File.Exists(kustomizationFile), $"{kustomizationFile} was not written: see the step's error in the test output.");
            var kustomization = File.ReadAllText(kustomizationFile);
            Assert.Contains("resources:", kustomization, StringComparison.Ordinal);
            var documents = Directory.GetFiles(bundle, "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
            Assert.Contains(documents, d => d.Contains("kind: AuthorizationPolicy", StringComparison.Ordinal));
            Assert.Contains(documents, d => d.Contains("kind: RequestAuthentication", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
