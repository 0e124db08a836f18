using Microsoft.Playwright;

namespace AspireAuth.Browser.Tests;

/// <summary>
/// The system's Chromium (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs) launched headless through
/// Playwright. <c>ASPIREAUTH_CHROMIUM</c> points at another binary; Playwright's own browser download is never used.
/// </summary>
internal static class Chromium
{
    private const string DefaultPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("ASPIREAUTH_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {path}: install Debian's chromium package (bash .ci/run does) or set ASPIREAUTH_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
