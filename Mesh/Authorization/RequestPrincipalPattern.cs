namespace AspireAuth.Mesh.Authorization;

/// <summary>
/// A <c>requestPrincipals</c> value (A.6): split at the last <c>/</c> into an issuer and a subject matcher, each with the
/// policy wildcard rules where <c>*</c> means non-empty. Without a <c>/</c>: <c>foo*</c> is an issuer prefix (any
/// subject), <c>*foo</c> a subject suffix (any issuer), <c>*</c> both non-empty, and <c>foo</c> issuer foo with an empty
/// subject.
/// </summary>
public sealed class RequestPrincipalPattern
{
    private readonly StringPattern _issuer;
    private readonly StringPattern? _subject;

    public RequestPrincipalPattern(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.LastIndexOf('/');
        if (value == "*")
        {
            (_issuer, _subject) = (new StringPattern("*"), new StringPattern("*"));
        }
        else if (slash >= 0)
        {
            (_issuer, _subject) = (new StringPattern(value[..slash]), new StringPattern(value[(slash + 1)..]));
        }
        else if (value.EndsWith('*'))
        {
            (_issuer, _subject) = (new StringPattern(value), new StringPattern("*"));
        }
        else if (value.StartsWith('*'))
        {
            (_issuer, _subject) = (new StringPattern("*"), new StringPattern(value));
        }
        else
        {
            (_issuer, _subject) = (new StringPattern(value), null);
        }
    }

    public bool Matches(string? issuer, string? subject) =>
        issuer is not null && subject is not null && _issuer.Matches(issuer)
        && (_subject is null ? subject.Length == 0 : _subject.Matches(subject));
}
