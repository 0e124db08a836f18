using AspireAuth.Mesh.Authorization;
using AspireAuth.Mesh.Model;

namespace AspireAuth.Mesh.Loading;

/// <summary>Parses and validates an AuthorizationPolicy as istiod's webhook does (B.3, B.4, B.5, B.11).</summary>
internal static class AuthorizationPolicyParser
{
    private static readonly string[] s_sourceFields =
    [
        "principals", "requestPrincipals", "namespaces", "ipBlocks", "remoteIpBlocks", "serviceAccounts", "trustDomains",
    ];

    private static readonly string[] s_operationFields = ["hosts", "ports", "methods", "paths"];

    private static readonly string[] s_customForbiddenSources =
        ["principals", "requestPrincipals", "namespaces", "serviceAccounts", "trustDomains"];

    public static AuthorizationPolicyModel? Parse(Node root, DocumentMetadata metadata)
    {
        var spec = root.Field("spec");
        spec.AllowOnly("selector", "targetRef", "targetRefs", "rules", "action", "provider");
        var (selector, hasTargetRefs) = SelectorParser.Parse(spec);
        var actionText = spec.Field("action").String() ?? "ALLOW";
        PolicyAction? action = actionText switch
        {
            "ALLOW" => PolicyAction.Allow,
            "DENY" => PolicyAction.Deny,
            "AUDIT" => PolicyAction.Audit,
            "CUSTOM" => PolicyAction.Custom,
            _ => null,
        };
        if (action is null)
        {
            spec.Field("action").Error(actionText, "must be one of ALLOW, DENY, AUDIT, CUSTOM");
        }

        var providerNode = spec.Field("provider");
        providerNode.AllowOnly("name");
        var provider = providerNode.Field("name").String();
        if (action == PolicyAction.Custom && string.IsNullOrEmpty(provider))
        {
            providerNode.Field("name").Error(provider, "must be set for the CUSTOM action");
        }
        else if (action != PolicyAction.Custom && !providerNode.IsMissing)
        {
            providerNode.Error(null, "can only be set for the CUSTOM action");
        }

        var rulesNode = spec.Field("rules");
        // istiod tests `in.Rules == nil`; protobuf decodes `rules: []` to a nil list too, so both are rejected.
        var noRules = rulesNode.IsMissing || rulesNode.Raw is YamlDotNet.RepresentationModel.YamlSequenceNode { Children.Count: 0 };
        if (noRules && action is PolicyAction.Deny or PolicyAction.Custom)
        {
            rulesNode.Error(rulesNode.IsMissing ? null : "[]", $"{actionText} action without rules is meaningless");
        }

        var rules = rulesNode.IsMissing
            ? null
            : rulesNode.Items().Select(r => ParseRule(r, action ?? PolicyAction.Allow, metadata.Namespace)).ToArray();
        var dryRun = metadata.Annotations.TryGetValue("istio.io/dry-run", out var dry) && GoBool(dry);
        return new AuthorizationPolicyModel(metadata.Id, selector, hasTargetRefs, action ?? PolicyAction.Allow, provider, rules, dryRun);
    }

    private static AuthorizationRule ParseRule(Node rule, PolicyAction action, string policyNamespace)
    {
        rule.AllowOnly("from", "to", "when");
        var from = ParseList(rule.Field("from"), "source", s_sourceFields, (node, matches) => ValidateSource(node, matches, action));
        var to = ParseList(rule.Field("to"), "operation", s_operationFields, ValidateOperation);
        IReadOnlyList<ValueMatch>? when = null;
        var whenNode = rule.Field("when");
        if (!whenNode.IsMissing)
        {
            when = whenNode.Items().Select(c => ParseCondition(c, action)).ToArray();
        }

        _ = policyNamespace;
        return new AuthorizationRule(from, to, when);
    }

    private static IReadOnlyList<IReadOnlyList<ValueMatch>>? ParseList(
        Node list, string entryName, string[] fields, Action<Node, IReadOnlyList<ValueMatch>> validate)
    {
        if (list.IsMissing)
        {
            return null;
        }

        if (list.Count == 0)
        {
            list.Error(null, "must not be empty");
        }

        var result = new List<IReadOnlyList<ValueMatch>>();
        foreach (var item in list.Items())
        {
            item.AllowOnly(entryName);
            var entry = item.Field(entryName);
            var allowed = fields.SelectMany(f => new[] { f, "not" + char.ToUpperInvariant(f[0]) + f[1..] }).ToArray();
            entry.AllowOnly(allowed);
            var matches = new List<ValueMatch>();
            foreach (var field in fields)
            {
                var notField = "not" + char.ToUpperInvariant(field[0]) + field[1..];
                var values = entry.Field(field).StringList();
                var notValues = entry.Field(notField).StringList();
                if (values is not null || notValues is not null)
                {
                    matches.Add(new ValueMatch(field, values, notValues));
                }
            }

            if (matches.Count == 0)
            {
                entry.Error(null, $"{entryName} must not be empty");
            }

            validate(entry, matches);
            result.Add(matches);
        }

        return result;
    }

    private static void ValidateSource(Node source, IReadOnlyList<ValueMatch> matches, PolicyAction action)
    {
        foreach (var match in matches)
        {
            var all = (match.Values ?? []).Concat(match.NotValues ?? []).ToArray();
            if (action == PolicyAction.Custom && s_customForbiddenSources.Contains(match.Key))
            {
                source.Field(match.Key).Error(null, "identity fields (principals, requestPrincipals, namespaces, serviceAccounts, trustDomains) are not supported with the CUSTOM action");
            }

            switch (match.Key)
            {
                case "ipBlocks" or "remoteIpBlocks":
                    foreach (var ip in all.Where(ip => !IpBlock.TryParse(ip, out _)))
                    {
                        source.Field(match.Key).Error(ip, "is not a valid IP address or CIDR range");
                    }

                    break;
                case "serviceAccounts":
                    if (all.Length > 16)
                    {
                        source.Field(match.Key).Error(null, "at most 16 service accounts are allowed");
                    }

                    foreach (var sa in all.Where(sa => sa.Contains('*', StringComparison.Ordinal)))
                    {
                        source.Field(match.Key).Error(sa, "wildcards are not allowed in service accounts");
                    }

                    if (matches.Any(m => m.Key is "principals" or "namespaces"))
                    {
                        source.Field(match.Key).Error(null, "cannot be combined with principals or namespaces");
                    }

                    break;
                case "trustDomains":
                    foreach (var td in all.Where(td => td.Trim('*').Contains('*', StringComparison.Ordinal) || (td.StartsWith('*') && td.EndsWith('*') && td.Length > 1)))
                    {
                        source.Field(match.Key).Error(td, "a wildcard is only allowed at the start or the end");
                    }

                    break;
            }
        }
    }

    private static void ValidateOperation(Node operation, IReadOnlyList<ValueMatch> matches)
    {
        foreach (var match in matches)
        {
            var all = (match.Values ?? []).Concat(match.NotValues ?? []);
            if (match.Key == "ports")
            {
                foreach (var port in all.Where(p => !int.TryParse(p, out var n) || n < 0 || n > 65535))
                {
                    operation.Field(match.Key).Error(port, "must be a port number from 0 to 65535");
                }
            }
            else if (match.Key == "paths")
            {
                foreach (var path in all)
                {
                    if (PathTemplate.Validate(path) is { } problem)
                    {
                        operation.Field(match.Key).Error(path, problem);
                    }
                }
            }
        }
    }

    private static ValueMatch ParseCondition(Node condition, PolicyAction action)
    {
        condition.AllowOnly("key", "values", "notValues");
        var key = condition.Field("key").String() ?? string.Empty;
        var values = condition.Field("values").StringList();
        var notValues = condition.Field("notValues").StringList();
        if ((values?.Count ?? 0) == 0 && (notValues?.Count ?? 0) == 0)
        {
            condition.Error(null, $"at least one of values or notValues must be set for key: {key}");
        }

        if (ConditionKeys.Validate(key) is { } problem)
        {
            condition.Field("key").Error(key, problem);
        }
        else if (action == PolicyAction.Custom && ConditionKeys.IsIdentityKey(key))
        {
            condition.Field("key").Error(key, "identity keys (source.namespace, source.serviceAccount, source.trustDomain, source.principal, request.auth.*) are not supported with the CUSTOM action");
        }

        if (key is "destination.port")
        {
            foreach (var port in (values ?? []).Concat(notValues ?? []).Where(p => !int.TryParse(p, out var n) || n < 0 || n > 65535))
            {
                condition.Field("values").Error(port, "must be a port number from 0 to 65535");
            }
        }
        else if (key is "source.ip" or "remote.ip" or "destination.ip")
        {
            foreach (var ip in (values ?? []).Concat(notValues ?? []).Where(ip => !IpBlock.TryParse(ip, out _)))
            {
                condition.Field("values").Error(ip, "is not a valid IP address or CIDR range");
            }
        }

        return new ValueMatch(key, values, notValues);
    }

    /// <summary>Go's <c>strconv.ParseBool</c>; anything else counts as false (istiod logs and ignores it).</summary>
    internal static bool GoBool(string text) => text is "1" or "t" or "T" or "TRUE" or "true" or "True";
}
