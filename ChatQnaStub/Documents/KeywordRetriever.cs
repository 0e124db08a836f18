using System.Text.RegularExpressions;

namespace AspireAuth.ChatQnaStub.Documents;

/// <summary>
/// Deterministic retrieval: documents are cut into paragraphs; a paragraph scores one point per distinct question
/// keyword it contains (case-insensitive, whole words). Best score first, then ingestion order.
/// </summary>
public static partial class KeywordRetriever
{
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "was", "were", "what", "which", "who", "whom", "how", "why", "when", "where",
        "does", "did", "you", "your", "about", "with", "from", "that", "this", "these", "those", "there", "their",
        "can", "could", "would", "should", "has", "have", "had", "tell", "please", "give", "into", "its", "our",
        "user", "assistant", "system",
    };

    /// <summary>The question's keywords: words of three or more letters or digits, lower-cased, without stop words.</summary>
    public static IReadOnlyList<string> Keywords(string question) =>
        WordPattern().Matches(question.ToLowerInvariant())
            .Select(m => m.Value)
            .Where(w => w.Length >= 3 && !s_stopWords.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The best <paramref name="top"/> passages with at least one keyword.</summary>
    public static IReadOnlyList<RetrievedPassage> Retrieve(IReadOnlyList<IngestedDocument> documents, string question, int top)
    {
        var keywords = Keywords(question);
        if (keywords.Count == 0)
        {
            return [];
        }

        var order = 0;
        var scored = new List<(RetrievedPassage Passage, int Order)>();
        foreach (var document in documents)
        {
            foreach (var paragraph in Paragraphs(document.Content))
            {
                var words = WordPattern().Matches(paragraph.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
                var score = keywords.Count(words.Contains);
                if (score > 0)
                {
                    scored.Add((new RetrievedPassage(document, paragraph, score), order));
                }

                order++;
            }
        }

        return scored.OrderByDescending(s => s.Passage.Score).ThenBy(s => s.Order).Take(top).Select(s => s.Passage).ToArray();
    }

    private static IEnumerable<string> Paragraphs(string content) =>
        ParagraphBreak().Split(content.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();
}
