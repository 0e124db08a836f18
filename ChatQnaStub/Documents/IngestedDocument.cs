namespace AspireAuth.ChatQnaStub.Documents;

/// <summary>A document in the knowledge base.</summary>
/// <param name="Id">The id OPEA reports in <c>/v1/dataprep/get</c> (file name, or <c>&lt;url&gt;.txt</c> for a link).</param>
/// <param name="IndexName">The index it was ingested into.</param>
/// <param name="Content">Its text, as retrieval sees it.</param>
/// <param name="Owner">The <c>sub</c> of the identity that ingested it, when the request carried one.</param>
public sealed record IngestedDocument(string Id, string IndexName, string Content, string? Owner);
