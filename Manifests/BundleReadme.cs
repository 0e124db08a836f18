using System.Globalization;
using System.Text;

namespace AspireAuth.Manifests;

/// <summary>The bundle's README: what is in it, the apply order, and every value still to fill in.</summary>
internal static class BundleReadme
{
    public static string Render(ClusterValues values, string appNamespace, bool hasOverlay)
    {
        var text = new StringBuilder();
        text.AppendLine("# AspireAuth cluster bundle");
        text.AppendLine();
        text.AppendLine("Rendered by `aspireauth manifests` from the same `config/` the local environment enforces. Do not edit the");
        text.AppendLine("policies here: change `config/istio/` and render again.");
        text.AppendLine();
        text.AppendLine("## Contents");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- `00-namespaces.yaml`: `{appNamespace}` and `oauth2-proxy`, labelled `istio-injection: enabled`.");
        text.AppendLine("- `10-services.yaml`: Deployment, Service and ServiceAccount of each .NET service (images as `dotnet publish /t:PublishContainer` tags them).");
        text.AppendLine("- `20-keycloak.yaml`: a development-grade Keycloak (`start-dev`, realm imported from a ConfigMap with `--import-realm`). Use a production Keycloak for real users.");
        text.AppendLine("- `30-oauth2-proxy.yaml`: the real oauth2-proxy image with the same `.cfg` as local, its Secret, Service `oauth-proxy:4180`, and Redis for sessions.");
        text.AppendLine("- `istio/`: the Istio documents of `config/istio/` with the cluster values substituted (including the `istio` mesh ConfigMap with the oauth2-proxy extension provider).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- `40-peer-authentication.yaml`: STRICT mTLS in `{appNamespace}`.");
        if (hasOverlay)
        {
            text.AppendLine("- `istio-operator-overlay.yaml` (not in the kustomization): the same extension provider for `istioctl install -f`.");
        }

        text.AppendLine();
        text.AppendLine("## Apply order");
        text.AppendLine();
        text.AppendLine("1. Fill every placeholder listed below (e.g. `envsubst < file`), or render again with `--values values.yaml`.");
        text.AppendLine("2. Install Istio. Either `istioctl install -f istio-operator-overlay.yaml`, or keep your installation and let step 3 replace the");
        text.AppendLine("   `istio` ConfigMap; then `kubectl rollout restart deployment/istiod -n istio-system` so istiod reads the new extension provider.");
        text.AppendLine("3. `kubectl apply -k .`");
        text.AppendLine("4. Wait for `kubectl -n default rollout status deploy/keycloak` before the first login.");
        text.AppendLine();
        text.AppendLine("## Values");
        text.AppendLine();
        text.AppendLine("| value | meaning | in this bundle |");
        text.AppendLine("|---|---|---|");
        foreach (var (name, description) in ClusterValues.Descriptions.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var state = values.Values.TryGetValue(name, out var v)
                ? name.Contains("SECRET", StringComparison.Ordinal) || name.Contains("PASSWORD", StringComparison.Ordinal) ? "given (not shown)" : $"`{v}`"
                : $"**placeholder `${{{name}}}`: fill in**";
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{name}` | {description} | {state} |");
        }

        return text.ToString();
    }
}
