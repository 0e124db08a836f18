using Regex = System.Text.RegularExpressions.Regex;
using RegexOptions = System.Text.RegularExpressions.RegexOptions;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Authorization;

/// <summary>Turns a rule field or <c>when</c> key with its values into matchers with Envoy's semantics (B.4, B.5, A.6).</summary>
internal static class FieldCompiler
{
    public static CompiledField Compile(ValueMatch match, string policyNamespace)
    {
        var (factory, actual) = Attribute(match.Key, policyNamespace);
        return new CompiledField(
            match,
            match.Values?.Select(factory).ToArray(),
            match.NotValues?.Select(factory).ToArray(),
            actual);
    }

    private static (Func<string, Predicate<RequestAttributes>> Factory, Func<RequestAttributes, string> Actual) Attribute(string key, string policyNamespace)
    {
        switch (key)
        {
            case "hosts":
                return (v => Header(v, ignoreCase: true, r => r.Host), r => Quote(r.Host));
            case "methods":
                return (v => Header(v, ignoreCase: false, r => r.Method), r => Quote(r.Method));
            case "paths":
                return (v => PathTemplate.IsTemplate(v) ? PathMatcher(PathTemplate.Parse(v)) : Str(new StringPattern(v), r => r.Path), r => Quote(r.Path));
            case "ports" or "destination.port":
                return (v => { var port = int.Parse(v, System.Globalization.CultureInfo.InvariantCulture); return r => r.Port == port; }, r => r.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case "principals" or "source.principal":
                return (v => Spiffe(v), r => r.SpiffePrincipal ?? "no mTLS identity (plaintext)");
            case "namespaces" or "source.namespace":
                return (v => Regex(".*/ns/" + WildcardToRegex(v) + "/.*"), r => r.SpiffePrincipal ?? "no mTLS identity (plaintext)");
            case "serviceAccounts" or "source.serviceAccount":
                return (v => ServiceAccount(v, policyNamespace), r => r.SpiffePrincipal ?? "no mTLS identity (plaintext)");
            case "trustDomains" or "source.trustDomain":
                return (v => TrustDomain(v), r => r.SpiffePrincipal ?? "no mTLS identity (plaintext)");
            case "ipBlocks" or "source.ip":
                return (v => { var block = Ip(v); return r => block.Contains(r.SourceIp); }, r => r.SourceIp.ToString());
            case "remoteIpBlocks" or "remote.ip":
                return (v => { var block = Ip(v); return r => block.Contains(r.RemoteIp); }, r => r.RemoteIp.ToString());
            case "destination.ip":
                return (v => { var block = Ip(v); return r => block.Contains(r.DestinationIp); }, r => r.DestinationIp?.ToString() ?? "(unknown)");
            case "requestPrincipals" or "request.auth.principal":
                return (v => { var p = new RequestPrincipalPattern(v); return r => r.Claims is not null && p.Matches(r.Claims.Issuer, r.Claims.Subject); },
                    r => r.Claims is null ? "no JWT" : $"{r.Claims.Issuer ?? "(no iss)"}/{r.Claims.Subject ?? "(no sub)"}");
            case "request.auth.audiences":
                return Claim(["aud"]);
            case "request.auth.presenter":
                return Claim(["azp"]);
            case "connection.sni":
                return (v => Str(new StringPattern(v), r => r.Sni), r => r.Sni is { } sni ? Quote(sni) : "no SNI (plaintext HTTP)");
        }

        if (key.StartsWith("request.headers[", StringComparison.Ordinal))
        {
            var name = ConditionKeys.HeaderName(key);
            return (v => Header(v, ignoreCase: false, r => r.Headers.Joined(name)), r => r.Headers.Joined(name) is { } h ? Quote(h) : "no such header");
        }

        if (key.StartsWith("request.auth.claims[", StringComparison.Ordinal))
        {
            return Claim(ConditionKeys.ClaimPath(key));
        }

        // experimental.envoy.filters.*: filter metadata the emulation does not produce never matches.
        return (v => _ => false, _ => "no filter metadata");
    }

    private static (Func<string, Predicate<RequestAttributes>>, Func<RequestAttributes, string>) Claim(string[] path) =>
        (v =>
        {
            var pattern = new StringPattern(v);
            return r => r.Claims?.Strings(path) is { } values && values.Any(pattern.Matches);
        },
        r => r.Claims is null ? "no JWT" : r.Claims.Describe(path));

    private static Predicate<RequestAttributes> Str(StringPattern pattern, Func<RequestAttributes, string?> value) => r => pattern.Matches(value(r));

    /// <summary>
    /// Istio's <c>matcher.HeaderMatcher</c>/<c>HostMatcher</c> (hosts, methods, <c>request.headers[...]</c>): a bare
    /// <c>*</c> becomes Envoy's <c>present_match</c>, so an empty value matches and only a missing header does not.
    /// </summary>
    private static Predicate<RequestAttributes> Header(string value, bool ignoreCase, Func<RequestAttributes, string?> header) =>
        value == "*" ? r => header(r) is not null : Str(new StringPattern(value, ignoreCase), header);

    private static Predicate<RequestAttributes> PathMatcher(PathTemplate template) => r => template.Matches(r.Path);

    private static Predicate<RequestAttributes> Spiffe(string value)
    {
        if (value == "*")
        {
            return r => r.SpiffePrincipal is { Length: > 0 };
        }

        var pattern = value.StartsWith('*')
            ? new StringPattern("*" + value[1..])
            : new StringPattern("spiffe://" + value);
        return value.StartsWith('*')
            ? r => r.SpiffePrincipal is not null && r.SpiffePrincipal.StartsWith("spiffe://", StringComparison.Ordinal) && pattern.Matches(r.SpiffePrincipal)
            : r => pattern.Matches(r.SpiffePrincipal);
    }

    private static Predicate<RequestAttributes> ServiceAccount(string value, string policyNamespace)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var (ns, sa) = slash < 0 ? (policyNamespace, value) : (value[..slash], value[(slash + 1)..]);
        return Regex($"spiffe://.+/ns/{System.Text.RegularExpressions.Regex.Escape(ns)}/(.+/|)sa/{System.Text.RegularExpressions.Regex.Escape(sa)}(/.+)?");
    }

    private static Predicate<RequestAttributes> TrustDomain(string value)
    {
        if (value == "*")
        {
            return r => r.SpiffePrincipal is not null;
        }

        if (value.StartsWith('*') || value.EndsWith('*'))
        {
            var a = value.StartsWith('*') ? string.Empty : System.Text.RegularExpressions.Regex.Escape(value.TrimEnd('*'));
            var b = value.StartsWith('*') ? System.Text.RegularExpressions.Regex.Escape(value.TrimStart('*')) : string.Empty;
            return Regex($"spiffe://{a}[^/]*{b}/.*");
        }

        var prefix = "spiffe://" + value + "/";
        return r => r.SpiffePrincipal is not null && r.SpiffePrincipal.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static Predicate<RequestAttributes> Regex(string pattern)
    {
        var regex = new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        return r => r.SpiffePrincipal is not null && regex.IsMatch(r.SpiffePrincipal);
    }

    private static string WildcardToRegex(string value) =>
        string.Join(".*", value.Split('*').Select(System.Text.RegularExpressions.Regex.Escape));

    /// <summary>Validation has rejected malformed blocks already.</summary>
    private static IpBlock Ip(string value) =>
        IpBlock.TryParse(value, out var block) ? block : throw new FormatException($"'{value}' is not an IP address or CIDR range");

    private static string Quote(string value) => $"'{value}'";
}
