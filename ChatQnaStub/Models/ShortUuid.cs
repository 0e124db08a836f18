using System.Security.Cryptography;

namespace AspireAuth.ChatQnaStub.Models;

/// <summary>Python <c>shortuuid.uuid()</c>-shaped ids: 22 characters of its 57-letter alphabet.</summary>
public static class ShortUuid
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Next() => string.Create(22, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
