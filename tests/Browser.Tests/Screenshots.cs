using Microsoft.Playwright;

namespace AspireAuth.Browser.Tests;

/// <summary>One numbered screenshot per step, under the test output (<c>screenshots/</c> beside the test assembly).</summary>
internal sealed class Screenshots(string scenario)
{
    private int _step;

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task TakeAsync(IPage page, string step)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{scenario}-{++_step:00}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
