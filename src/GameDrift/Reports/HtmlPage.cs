using System.Net;
using System.Text;
using GameDrift.Io.Png;
using GameDrift.Io;

namespace GameDrift.Reports;

/// <summary>A self-contained HTML page built top to bottom: inline CSS, PNG images inlined as base64 data URIs, no
/// script and no external resource, so the single file can be mailed or archived and still shows everything.</summary>
public sealed class HtmlPage(string title)
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1240px; color: #222; padding: 0 12px; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 1.8em; }
        .meta { color: #666; margin-top: 0; }
        figure { margin: 12px 0; } figcaption { color: #555; font-size: 0.9em; margin-top: 4px; }
        img { max-width: 100%; height: auto; border: 1px solid #eee; }
        img.pixels { image-rendering: pixelated; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.85em; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid #ddd; padding: 3px 7px; text-align: left; white-space: nowrap; }
        th { white-space: normal; min-width: 4em; } td:first-child { white-space: normal; overflow-wrap: anywhere; min-width: 12em; }
        th { background: #f4f4f4; position: sticky; top: 0; }
        tr.diverged td { background: #fde8e8; } tr.failed td { background: #fff1d6; } tr.running td { background: #eaf2fd; }
        details { margin: 6px 0; border: 1px solid #e4e4e4; border-radius: 4px; padding: 4px 10px; }
        summary { cursor: pointer; font-weight: 600; }
        pre { background: #f7f7f7; padding: 8px; overflow-x: auto; font-size: 0.85em; }
        .state-diverged { color: #c0392b; font-weight: 600; } .state-failed { color: #b9770e; font-weight: 600; }
        .state-finished { color: #1e8449; font-weight: 600; } .state-running { color: #2471a3; font-weight: 600; }
        .grids { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        """;

    private readonly StringBuilder body = new();
    private readonly List<(string Alt, byte[] Png)> figures = [];

    public string Title { get; } = title;

    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    public HtmlPage Raw(string html) { body.AppendLine(html); return this; }
    public HtmlPage Heading(int level, string text) => Raw($"<h{level}>{Escape(text)}</h{level}>");
    public HtmlPage Paragraph(string text, string? cssClass = null) =>
        Raw(cssClass is null ? $"<p>{Escape(text)}</p>" : $"<p class=\"{cssClass}\">{Escape(text)}</p>");
    public HtmlPage Pre(string text) => Raw($"<pre>{Escape(text)}</pre>");

    /// <summary>A figure with a PNG image (encoded here) and an optional caption.</summary>
    public HtmlPage Figure(PngImage image, string alt, string? caption = null, bool pixels = false)
    {
        var png = PngEncoder.Encode(image);
        figures.Add((alt, png));
        return Raw(FigureHtml(png, image.Width, image.Height, alt, caption, pixels));
    }

    /// <summary>The images this page drew (plots, montages; not the PNG files it shows as they are), with their alt
    /// texts: the report also saves them as PNG files for papers and slides.</summary>
    public IReadOnlyList<(string Alt, byte[] Png)> Figures => figures;

    /// <summary>A figure of a PNG file as it is (not re-encoded).</summary>
    public HtmlPage FigureFile(string pngPath, string alt, string? caption = null) => Raw(FigureFileHtml(pngPath, alt, caption));

    public static string FigureFileHtml(string pngPath, string alt, string? caption = null)
    {
        var bytes = File.ReadAllBytes(pngPath);
        PngImage image;
        try { image = PngDecoder.Decode(bytes); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{pngPath}: {e.Message}", e); }
        return FigureHtml(bytes, image.Width, image.Height, alt, caption, pixels: true);
    }

    public static string FigureHtml(byte[] png, int width, int height, string alt, string? caption, bool pixels)
    {
        // Tiny sample grids (8x8 toys, 28 px digits) are shown enlarged by a whole factor, pixels kept sharp.
        int zoom = pixels ? Math.Max(1, 128 / Math.Max(width, height)) : 1;
        var img = $"<img{(pixels ? " class=\"pixels\"" : "")} width=\"{width}\" height=\"{height}\" alt=\"{Escape(alt)}\" " +
                  $"src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"{(zoom > 1 ? $" style=\"width:{width * zoom}px\"" : "")}>";
        return caption is null ? $"<figure>{img}</figure>" : $"<figure>{img}<figcaption>{Escape(caption)}</figcaption></figure>";
    }

    /// <summary>A table; <paramref name="rowClass"/> may give a CSS class per row (e.g. "diverged").</summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Func<int, string?>? rowClass = null) =>
        Raw(TableHtml(header, rows, rowClass));

    public static string TableHtml(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, Func<int, string?>? rowClass = null)
    {
        var sb = new StringBuilder("<div class=\"scroll\"><table>\n<thead><tr>");
        foreach (var h in header) sb.Append("<th>").Append(Escape(h)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        int r = 0;
        foreach (var row in rows)
        {
            var cls = rowClass?.Invoke(r++);
            sb.Append(cls is null ? "<tr>" : $"<tr class=\"{cls}\">");
            foreach (var cell in row) sb.Append("<td>").Append(Escape(cell)).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>");
        return sb.ToString();
    }

    /// <summary>A collapsible block whose body is already HTML.</summary>
    public HtmlPage Details(string summaryHtml, string innerHtml, bool open = false) =>
        Raw($"<details{(open ? " open" : "")}><summary>{summaryHtml}</summary>\n{innerHtml}\n</details>");

    public static string StateHtml(string state) => $"<span class=\"state-{Escape(state.Replace(' ', '-'))}\">{Escape(state)}</span>";

    public override string ToString() =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Escape(Title)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n{body}</body>\n</html>\n";

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(path, ToString());
    }
}
