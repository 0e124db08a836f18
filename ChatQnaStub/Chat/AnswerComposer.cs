using System.Globalization;
using System.Text;
using AspireAuth.ChatQnaStub.Documents;
using AspireAuth.ChatQnaStub.Identity;

namespace AspireAuth.ChatQnaStub.Chat;

/// <summary>
/// Writes the stub's answer: grounded in the best matching passages of the ingested documents, or a plain statement
/// that nothing matched. Deterministic: the same store and question give the same answer.
/// </summary>
public sealed class AnswerComposer(DocumentStore store)
{
    /// <summary>Passages quoted at most.</summary>
    public const int MaxPassages = 2;

    /// <summary>The answer to <paramref name="question"/>, addressed to <paramref name="identity"/> when known.</summary>
    public string Compose(string question, RequestIdentity? identity, string? indexName = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var documents = store.List(indexName);
        var answer = new StringBuilder();
        if (identity is not null)
        {
            answer.Append(CultureInfo.InvariantCulture, $"Hello {identity.DisplayName}. ");
        }

        var subject = question.Trim();
        if (documents.Count == 0)
        {
            answer.Append(CultureInfo.InvariantCulture,
                $"The knowledge base is empty, so I cannot answer \"{subject}\" from your documents. Ingest a file or a link through /v1/dataprep/ingest, then ask again.");
            return answer.ToString();
        }

        var passages = KeywordRetriever.Retrieve(documents, question, MaxPassages);
        if (passages.Count == 0)
        {
            answer.Append(CultureInfo.InvariantCulture,
                $"I found nothing about \"{subject}\" in the {documents.Count} ingested document{(documents.Count == 1 ? string.Empty : "s")}.");
            return answer.ToString();
        }

        for (var i = 0; i < passages.Count; i++)
        {
            if (i > 0)
            {
                answer.Append("\n\n");
            }

            answer.Append(CultureInfo.InvariantCulture, $"From {passages[i].Document.Id}:\n{passages[i].Text}");
        }

        return answer.ToString();
    }
}
