using System.Globalization;
using System.Text;

namespace AspireAuth.DevHost.Hosting;

/// <summary>The table of service URLs printed once everything listens.</summary>
internal static class UrlTable
{
    public static string Render(IReadOnlyList<RunningService> services)
    {
        var nameWidth = Math.Max("SERVICE".Length, services.Max(s => s.Definition.DisplayName.Length));
        var urlWidth = Math.Max("URL".Length, services.Max(s => Display(s.Url).Length));
        var text = new StringBuilder();
        text.AppendLine("AspireAuth is running (DevHost, no containers).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"SERVICE".PadRight(nameWidth)}  {"URL".PadRight(urlWidth)}  WHAT");
        foreach (var service in services)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {service.Definition.DisplayName.PadRight(nameWidth)}  {Display(service.Url).PadRight(urlWidth)}  {service.Definition.Note}");
        }

        return text.ToString();
    }

    private static string Display(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
