namespace AspireAuth.Mesh.Authentication;

/// <summary>Web-safe base64 decoding that accepts padded or unpadded input.</summary>
internal static class Base64Url
{
    public static bool TryDecode(string value, out byte[] bytes)
    {
        bytes = [];
        if (value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=')))
        {
            return false;
        }

        var s = value.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        if (s.Length % 4 == 1)
        {
            return false;
        }

        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            bytes = Convert.FromBase64String(s);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
