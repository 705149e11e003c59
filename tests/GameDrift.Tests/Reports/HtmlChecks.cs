using System.Net;
using System.Text.RegularExpressions;
using GameDrift.Io.Png;

namespace GameDrift.Tests.Reports;

/// <summary>Checks on a report page: its inlined images (alt text, declared size, decoded PNG) and its structure.</summary>
internal static partial class HtmlChecks
{
    /// <summary>Every container element the reports use is closed as often as it is opened.</summary>
    public static void AssertBalanced(string html)
    {
        foreach (var tag in new[] { "html", "head", "body", "details", "summary", "table", "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "p", "pre", "div", "h1", "h2" })
            Assert.True(Regex.Matches(html, $"<{tag}[ >]").Count == Regex.Matches(html, $"</{tag}>").Count, $"<{tag}> not balanced");
    }

    public static List<(string Alt, int Width, int Height, PngImage Image)> Read(string html) =>
        ImgTag().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups["alt"].Value), int.Parse(m.Groups["w"].Value),
            int.Parse(m.Groups["h"].Value), PngDecoder.Decode(Convert.FromBase64String(m.Groups["data"].Value)))).ToList();

    /// <summary>Every img tag must be one of ours: an inlined PNG, nothing fetched from elsewhere.</summary>
    public static int CountTags(string html) => Regex.Matches(html, "<img ").Count;

    [GeneratedRegex("<img(?: class=\"pixels\")? width=\"(?<w>\\d+)\" height=\"(?<h>\\d+)\" alt=\"(?<alt>[^\"]*)\" src=\"data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)\"(?: style=\"width:\\d+px\")?>")]
    private static partial Regex ImgTag();
}
