using System.Text;

namespace AspireAuth.ChatQnaStub.Streaming;

/// <summary>
/// Python's <c>repr()</c> of a <c>bytes</c> object (CPython <c>bytes_repr</c>): <c>b'...'</c>, or <c>b"..."</c> when the
/// bytes contain a single quote and no double quote; <c>\\</c>, the chosen quote, <c>\t</c>, <c>\n</c>, <c>\r</c> escaped;
/// other bytes below 0x20 or from 0x7f as <c>\xNN</c> (lower-case hex).
/// </summary>
public static class PythonBytesRepr
{
    /// <summary>The repr of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string OfUtf8(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>The repr of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        var quote = bytes.Contains((byte)'\'') && !bytes.Contains((byte)'"') ? '"' : '\'';
        var result = new StringBuilder(bytes.Length + 3);
        result.Append('b').Append(quote);
        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)'\\':
                    result.Append(@"\\");
                    break;
                case (byte)'\t':
                    result.Append(@"\t");
                    break;
                case (byte)'\n':
                    result.Append(@"\n");
                    break;
                case (byte)'\r':
                    result.Append(@"\r");
                    break;
                default:
                    if (b == quote)
                    {
                        result.Append('\\').Append(quote);
                    }
                    else if (b < 0x20 || b >= 0x7f)
                    {
                        result.Append(@"\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append((char)b);
                    }

                    break;
            }
        }

        return result.Append(quote).ToString();
    }
}
