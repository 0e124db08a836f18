namespace AspireAuth.ChatQnaStub.Documents;

/// <summary>The in-memory knowledge base, in ingestion order. Thread-safe.</summary>
public sealed class DocumentStore
{
    /// <summary>OPEA's default <c>INDEX_NAME</c>.</summary>
    public const string DefaultIndexName = "rag_redis";

    private readonly Lock _lock = new();
    private readonly List<IngestedDocument> _documents = [];

    /// <summary>Adds the documents if none of their ids exist in their index; returns the first duplicate otherwise.</summary>
    public IngestedDocument? TryAddAll(IReadOnlyList<IngestedDocument> documents)
    {
        lock (_lock)
        {
            foreach (var document in documents)
            {
                if (_documents.Any(d => d.IndexName == document.IndexName && d.Id == document.Id))
                {
                    return document;
                }
            }

            _documents.AddRange(documents);
            return null;
        }
    }

    /// <summary>A snapshot of the documents, optionally of one index.</summary>
    public IReadOnlyList<IngestedDocument> List(string? indexName = null)
    {
        lock (_lock)
        {
            return _documents.Where(d => indexName is null || d.IndexName == indexName).ToArray();
        }
    }

    /// <summary>
    /// Deletes one document, or every document for <c>all</c>. A document with an owner can only be deleted by that
    /// owner; <c>all</c> is refused while documents of other owners exist.
    /// </summary>
    public (DeleteOutcome Outcome, IngestedDocument? Document) Delete(string filePath, string? indexName, string? requester)
    {
        lock (_lock)
        {
            if (filePath == "all")
            {
                var foreign = _documents.FirstOrDefault(d => d.Owner is not null && d.Owner != requester);
                if (foreign is not null)
                {
                    return (DeleteOutcome.Forbidden, foreign);
                }

                _documents.Clear();
                return (DeleteOutcome.Deleted, null);
            }

            var index = indexName ?? DefaultIndexName;
            var document = _documents.FirstOrDefault(d => d.IndexName == index && d.Id == filePath);
            if (document is null)
            {
                return (DeleteOutcome.NotFound, null);
            }

            if (document.Owner is not null && document.Owner != requester)
            {
                return (DeleteOutcome.Forbidden, document);
            }

            _documents.Remove(document);
            return (DeleteOutcome.Deleted, document);
        }
    }
}
