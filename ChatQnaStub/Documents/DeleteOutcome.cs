namespace AspireAuth.ChatQnaStub.Documents;

/// <summary>What a delete did.</summary>
public enum DeleteOutcome
{
    /// <summary>The document (or every document) was removed.</summary>
    Deleted,

    /// <summary>No such document.</summary>
    NotFound,

    /// <summary>The document belongs to another identity.</summary>
    Forbidden,
}
