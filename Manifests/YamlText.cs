using YamlDotNet.RepresentationModel;

namespace AspireAuth.Manifests;

/// <summary>Emits YAML document trees as one multi-document text with <c>---</c> separators (deterministic).</summary>
internal static class YamlText
{
    public static string Emit(IEnumerable<YamlNode> documents)
    {
        var texts = documents.Select(document =>
        {
            var writer = new StringWriter();
            new YamlStream(new YamlDocument(document)).Save(writer, assignAnchors: false);
            var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
            return text.EndsWith("\n...", StringComparison.Ordinal) ? text[..^4] : text;
        });
        return string.Join("\n---\n", texts) + "\n";
    }
}
