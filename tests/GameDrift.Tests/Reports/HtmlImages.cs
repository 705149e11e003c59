using System.Net;
using System.Text.RegularExpressions;
using GameDrift.Io.Png;

namespace GameDrift.Tests.Reports;

/// <summary>The inlined images of a report page: alt text, declared size and the decoded PNG.</summary>
internal static partial class HtmlImages
{
    public static List<(string Alt, int Width, int Height, PngImage Image)> Read(string html) =>
        ImgTag().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups["alt"].Value), int.Parse(m.Groups["w"].Value),
            int.Parse(m.Groups["h"].Value), PngDecoder.Decode(Convert.FromBase64String(m.Groups["data"].Value)))).ToList();

    /// <summary>Every img tag must be one of ours: an inlined PNG, nothing fetched from elsewhere.</summary>
    public static int CountTags(string html) => Regex.Matches(html, "<img ").Count;

    [GeneratedRegex("<img(?: class=\"pixels\")? width=\"(?<w>\\d+)\" height=\"(?<h>\\d+)\" alt=\"(?<alt>[^\"]*)\" src=\"data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)\"(?: style=\"width:\\d+px\")?>")]
    private static partial Regex ImgTag();
}
