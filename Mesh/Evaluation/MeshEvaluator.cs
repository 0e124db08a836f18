using AspireAuth.Mesh.Authentication;
using AspireAuth.Mesh.Authorization;
using AspireAuth.Mesh.Paths;

namespace AspireAuth.Mesh.Evaluation;

/// <summary>
/// Runs a request through the filters in Envoy's order (B.2): path normalisation, CUSTOM, jwt_authn, RBAC
/// (AUDIT, DENY, ALLOW), then routing on gateways. Pure apart from JWKS fetches through <see cref="IJwksProvider"/>.
/// </summary>
public sealed class MeshEvaluator(RequestAuthenticator authenticator)
{
    public RequestAuthenticator Authenticator => authenticator;

    /// <summary>Normalises the path and finds a matching CUSTOM rule (which sees no JWT attributes).</summary>
    public static PreparedRequest Prepare(MeshSnapshot snapshot, Model.Workload workload, MeshRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        var view = snapshot.For(workload);

        // Envoy's HCM answers a :path that is empty or not relative (does not start with '/') with 404 before any
        // filter runs; Rejected tells the two apart.
        var normalized = request.Path.StartsWith('/')
            ? PathNormalizer.Normalize(request.Path, snapshot.MeshConfig.PathNormalization)
            : null;
        var headers = request.Headers.Clone();
        if (normalized is null)
        {
            return new PreparedRequest(view, request, null, null, headers);
        }

        var custom = view.Authorization.HasCustom
            ? view.Authorization.MatchCustom(new RequestAttributes(request, normalized, headers, null))
            : null;
        return new PreparedRequest(view, request, normalized, custom, headers);
    }

    /// <summary>Evaluates a whole request; a CUSTOM match is reported and treated as allowed (as <c>check</c> does).</summary>
    public async ValueTask<MeshEvaluation> EvaluateAsync(
        MeshSnapshot snapshot, Model.Workload workload, MeshRequest request, DateTimeOffset now, bool explain, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(snapshot, workload, request);
        if (prepared.Rejected)
        {
            return Rejected(prepared);
        }

        if (prepared.Custom is { FailClosed: true } failClosed && !failClosed.DryRun)
        {
            return CustomFailClosed(prepared, failClosed);
        }

        return await ContinueAsync(prepared, now, explain, cancellationToken);
    }

    /// <summary>
    /// The local reply of Envoy's HCM for a path it refuses (<c>ConnectionManagerImpl::ActiveStream::decodeHeaders</c>):
    /// 404 for an empty or non-relative <c>:path</c> (MissingPath/AbsolutePath), 400 when normalisation fails
    /// (PathNormalizationFailed). Both are sent with an empty body.
    /// </summary>
    public static MeshEvaluation Rejected(PreparedRequest prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var relative = prepared.Request.Path.StartsWith('/');
        return new MeshEvaluation
        {
            Stage = DecisionStage.Normalization,
            Status = relative ? 400 : 404,
            Body = string.Empty,
            UpstreamPath = prepared.Request.Path,
            UpstreamHeaders = prepared.UpstreamHeaders,
            IsGateway = prepared.View.Routes.IsGateway,
            Explanation = [relative
                ? "400: path normalisation rejects the path (it contains %00)"
                : $"404: the path '{prepared.Request.Path}' does not start with '/' (Envoy serves only relative paths)"],
        };
    }

    /// <summary>The 403 of the DENY rules Istio generates for an unusable CUSTOM provider.</summary>
    public static MeshEvaluation CustomFailClosed(PreparedRequest prepared, CustomMatch match)
    {
        var decision = WorkloadAuthorization.FailClosed(match);
        var reason = !match.FailClosed
            ? $"provider '{match.ProviderName}' is an envoyExtAuthzGrpc provider, which this host cannot call: failing closed"
            : match.Provider is null && match.ProviderName.Length > 0
                ? $"provider '{match.ProviderName}' is not a usable ext_authz extension provider of the mesh config: Istio generates DENY rules instead"
                : "several CUSTOM providers apply to this workload: Istio generates DENY rules instead";
        return new MeshEvaluation
        {
            Stage = DecisionStage.Authorization,
            Status = 403,
            Body = AuthorizationDecision.DeniedBody,
            Custom = match,
            Authorization = decision,
            IsGateway = prepared.View.Routes.IsGateway,
            UpstreamPath = prepared.NormalizedPath ?? prepared.Request.Path,
            UpstreamHeaders = prepared.UpstreamHeaders,
            Explanation = [$"403: {decision.Summary}", reason],
        };
    }

    /// <summary>jwt_authn, RBAC and routing, after any ext_authz check allowed the request.</summary>
    public async ValueTask<MeshEvaluation> ContinueAsync(PreparedRequest prepared, DateTimeOffset now, bool explain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var request = prepared.Request;
        var view = prepared.View;
        var headers = prepared.UpstreamHeaders;
        var lines = new List<string>();
        if (prepared.Custom is { } custom)
        {
            lines.Add($"CUSTOM policy {custom.Policy.QualifiedName} rule {custom.RuleIndex} matched: ext_authz provider '{custom.ProviderName}' checks the request");
        }

        // The 401 realm starts with x-forwarded-proto: a gateway (use_remote_address) overwrites it with the connection's
        // scheme, a sidecar keeps the one the caller sent (Envoy ConnectionManagerUtility::mutateRequestHeaders).
        var realmRequest = !view.Routes.IsGateway && headers.GetValues("x-forwarded-proto") is { Count: > 0 } forwardedProto
            ? request with { Scheme = forwardedProto[0] }
            : request;
        var authentication = await authenticator.AuthenticateAsync(view.JwtProviders, realmRequest, headers, prepared.NormalizedPath!, now, cancellationToken);
        if (!authentication.Passed)
        {
            lines.Insert(0, $"{authentication.HttpStatus}: {authentication.Reason}");
            return new MeshEvaluation
            {
                Stage = DecisionStage.Authentication,
                Status = authentication.HttpStatus,
                Body = authentication.Body,
                ResponseHeaders = new Dictionary<string, string> { ["www-authenticate"] = authentication.WwwAuthenticate! },
                Custom = prepared.Custom,
                Authentication = authentication,
                IsGateway = view.Routes.IsGateway,
                UpstreamPath = authentication.Path,
                UpstreamHeaders = headers,
                Explanation = lines,
            };
        }

        lines.Add($"authentication: {authentication.Reason}");
        var attributes = new RequestAttributes(request, prepared.NormalizedPath!, headers, authentication.Claims);
        var decision = view.Authorization.Evaluate(attributes, explain);
        if (explain)
        {
            lines.AddRange(decision.Verdicts.Select(v => v.ToString()));
        }

        if (!decision.Allowed)
        {
            lines.Insert(0, $"403: {decision.Summary}");
            return new MeshEvaluation
            {
                Stage = DecisionStage.Authorization,
                Status = 403,
                Body = AuthorizationDecision.DeniedBody,
                Custom = prepared.Custom,
                Authentication = authentication,
                Authorization = decision,
                IsGateway = view.Routes.IsGateway,
                UpstreamPath = authentication.Path,
                UpstreamHeaders = headers,
                Explanation = lines,
            };
        }

        if (!view.Routes.IsGateway)
        {
            lines.Insert(0, $"forwarded to the workload: {decision.Summary}");
            return Forwarded(prepared, authentication, decision, null, authentication.Path, lines);
        }

        var route = view.Routes.Route(attributes, request.Scheme, authentication.Path);
        if (!route.Forwarded)
        {
            lines.Insert(0, $"{route.Status}: {route.Reason} ({decision.Summary})");
            return new MeshEvaluation
            {
                Stage = DecisionStage.Routing,
                Status = route.Status,
                Body = route.Body,
                Custom = prepared.Custom,
                Authentication = authentication,
                Authorization = decision,
                Route = route,
                IsGateway = true,
                UpstreamPath = route.Path,
                UpstreamHeaders = headers,
                Explanation = lines,
            };
        }

        lines.Insert(0, $"forwarded by {route.Reason}: {decision.Summary}");
        return Forwarded(prepared, authentication, decision, route, route.Path, lines);
    }

    private static MeshEvaluation Forwarded(
        PreparedRequest prepared, AuthenticationResult authentication, AuthorizationDecision decision, Routing.RouteResult? route, string path, List<string> lines) => new()
        {
            Stage = DecisionStage.Forwarded,
            Status = 200,
            Custom = prepared.Custom,
            Authentication = authentication,
            Authorization = decision,
            Route = route,
            IsGateway = prepared.View.Routes.IsGateway,
            UpstreamPath = path,
            UpstreamHeaders = prepared.UpstreamHeaders,
            Explanation = lines,
        };
}
