namespace AspireAuth.Mesh.Authorization;

/// <summary>
/// An AuthorizationPolicy value: <c>*</c> (present and non-empty), <c>x*</c> (prefix), <c>*x</c> (suffix), else exact.
/// A <c>*</c> in the middle is literal. (Header-based fields turn a bare <c>*</c> into a presence check instead; see
/// <c>FieldCompiler</c>.)
/// </summary>
public sealed class StringPattern
{
    private readonly string _text;
    private readonly Kind _kind;
    private readonly StringComparison _comparison;

    public StringPattern(string value, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (value == "*")
        {
            _kind = Kind.Present;
            _text = string.Empty;
        }
        else if (value.StartsWith('*'))
        {
            _kind = Kind.Suffix;
            _text = value[1..];
        }
        else if (value.EndsWith('*'))
        {
            _kind = Kind.Prefix;
            _text = value[..^1];
        }
        else
        {
            _kind = Kind.Exact;
            _text = value;
        }
    }

    private enum Kind
    {
        Exact,
        Prefix,
        Suffix,
        Present,
    }

    public string Value { get; }

    public bool Matches(string? input) => input is not null && _kind switch
    {
        Kind.Present => input.Length > 0,
        Kind.Prefix => input.StartsWith(_text, _comparison),
        Kind.Suffix => input.EndsWith(_text, _comparison),
        _ => string.Equals(input, _text, _comparison),
    };
}
