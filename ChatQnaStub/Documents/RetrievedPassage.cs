namespace AspireAuth.ChatQnaStub.Documents;

/// <summary>A paragraph of a document that matched the question, with its keyword score.</summary>
public sealed record RetrievedPassage(IngestedDocument Document, string Text, int Score);
