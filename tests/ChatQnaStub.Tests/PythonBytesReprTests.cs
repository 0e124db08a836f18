using System.Diagnostics;
using System.Text;
using AspireAuth.ChatQnaStub.Streaming;

namespace AspireAuth.ChatQnaStub.Tests;

public sealed class PythonBytesReprTests
{
    [Theory]
    [InlineData("The", "b'The'")]
    [InlineData(" revenue", "b' revenue'")]
    [InlineData("Nike's", "b\"Nike's\"")]
    [InlineData("say \"hi\"", "b'say \"hi\"'")]
    [InlineData("it's \"both\"", "b'it\\'s \"both\"'")]
    [InlineData("a\\b", "b'a\\\\b'")]
    [InlineData("tab\there", "b'tab\\there'")]
    [InlineData("line\nbreak\r", "b'line\\nbreak\\r'")]
    [InlineData("\u0000\u001f\u007f", "b'\\x00\\x1f\\x7f'")]
    [InlineData("Nike\u2019s", "b'Nike\\xe2\\x80\\x99s'")]
    [InlineData("caf\u00e9's", "b\"caf\\xc3\\xa9's\"")]
    [InlineData("", "b''")]
    public void OfUtf8_MatchesPythonRepr(string text, string expected)
    {
        Assert.Equal(expected, PythonBytesRepr.OfUtf8(text));
    }

    [Fact]
    public async Task OfUtf8_AgreesWithPythonsOwnRepr()
    {
        string[] samples =
        [
            "plain", "Nike's", "\"quoted\"", "both ' and \"", "back\\slash", "\t\n\r", "\u0001\u0008\u000b\u000c\u001b",
            "\u007f\u0080", "caf\u00e9 \u2014 \u00fcber \ud83d\ude00", "'", "\"", "''\"", "%s {0} $x",
        ];
        var python = FindPython();
        Assert.True(python is not null, "python3 is required to cross-check Python's bytes repr (install python3).");

        var script = "import sys,json\nfor s in json.load(sys.stdin): print(repr(s.encode('utf-8')))";
        var info = new ProcessStartInfo(python!, ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(System.Text.Json.JsonSerializer.Serialize(samples));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var expected = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, samples.Select(PythonBytesRepr.OfUtf8).ToArray());
    }

    private static string? FindPython() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "python3"))
            .FirstOrDefault(File.Exists);
}
