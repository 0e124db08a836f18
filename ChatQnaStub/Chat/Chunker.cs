using System.Text.RegularExpressions;

namespace AspireAuth.ChatQnaStub.Chat;

/// <summary>
/// Splits an answer into LLM-like deltas: each chunk is one word with the whitespace before it, so concatenating the
/// chunks gives the answer back exactly.
/// </summary>
public static partial class Chunker
{
    /// <summary>The chunks of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = Word().Matches(text).Select(m => m.Value).ToList();
        var consumed = chunks.Sum(c => c.Length);
        if (consumed < text.Length)
        {
            // Trailing whitespace belongs to the last chunk.
            var tail = text[consumed..];
            if (chunks.Count == 0)
            {
                chunks.Add(tail);
            }
            else
            {
                chunks[^1] += tail;
            }
        }

        return chunks;
    }

    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex Word();
}
