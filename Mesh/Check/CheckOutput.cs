using System.Text.Json;
using AspireAuth.Mesh.Evaluation;

namespace AspireAuth.Mesh.Check;

/// <summary>Writes one evaluation as <c>check</c>'s output object.</summary>
public static class CheckOutput
{
    public static void Write(Utf8JsonWriter writer, MeshEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evaluation);
        writer.WriteStartObject();
        writer.WriteNumber("status", evaluation.Status);
        writer.WriteString("body", evaluation.Body);
        writer.WriteStartObject("headers");
        foreach (var (name, value) in evaluation.ResponseHeaders)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        if (evaluation.Forwarded)
        {
            writer.WriteStartObject("upstream");
            writer.WriteString("path", evaluation.UpstreamPath);
            writer.WriteStartObject("headers");
            foreach (var (name, values) in evaluation.UpstreamHeaders)
            {
                if (values.Count == 1)
                {
                    writer.WriteString(name.ToLowerInvariant(), values[0]);
                }
                else
                {
                    writer.WriteStartArray(name.ToLowerInvariant());
                    foreach (var value in values)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                }
            }

            if (evaluation.Route?.Authority is { } authority)
            {
                writer.WriteString(":authority", authority);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("destinations");
            foreach (var destination in evaluation.Route?.Destinations ?? [])
            {
                writer.WriteStartObject();
                writer.WriteString("host", destination.Host);
                if (destination.Subset is not null)
                {
                    writer.WriteString("subset", destination.Subset);
                }

                if (destination.Port is { } port)
                {
                    writer.WriteNumber("port", port);
                }

                writer.WriteNumber("weight", destination.Weight);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // Only when ext_authz would really be called: a fail-closed CUSTOM match is a DENY rule, no check is made.
        if (evaluation.Custom is { FailClosed: false } custom)
        {
            writer.WriteString("customProvider", custom.ProviderName);
        }

        writer.WriteStartArray("explanation");
        foreach (var line in evaluation.Explanation)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
