using System.Text.RegularExpressions;
using GameDrift.Cli.Progress;
using Spectre.Console;

namespace GameDrift.Tests.Cli;

public class ProgressLineTests
{
    private const string Title = "fmnist-sgd-alternating", Losses = "loss_d 0.6931 loss_g 0.6931";

    [Theory]
    [InlineData(200)]
    [InlineData(120)]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(40)]
    [InlineData(20)]
    [InlineData(9)]
    public void Fits_the_width_and_always_shows_the_step(int width)
    {
        var line = ProgressLine.Compose(width, Title, 450, 1000, 43.2, TimeSpan.FromSeconds(12), Losses);
        Assert.True(line.Length <= width, $"{line.Length} > {width}: '{line}'");
        Assert.Contains("450/1000", line);
    }

    [Fact]
    public void Drops_the_least_important_fields_first()
    {
        string At(int w) => ProgressLine.Compose(w, Title, 450, 1000, 43.2, TimeSpan.FromSeconds(12), Losses);
        var wide = At(200);
        Assert.Contains(Title, wide);
        Assert.Contains("|", wide);
        Assert.Contains(Losses, wide);
        // 80 columns: no room for everything; the bar and then the title go, the losses and ETA stay.
        var eighty = At(80);
        Assert.DoesNotContain(Title, eighty);
        Assert.Contains(Losses, eighty);
        Assert.Contains("ETA 00:00:12", eighty);
        Assert.Contains("43.20 steps/s", eighty);
        // Narrower: the losses and the rate go before the ETA.
        var forty = At(40);
        Assert.DoesNotContain("loss_d", forty);
        Assert.Contains("ETA 00:00:12", forty);
    }

    [Fact]
    public void The_bar_shows_the_fraction_done()
    {
        var line = ProgressLine.Compose(200, "", 500, 1000, 1, TimeSpan.Zero, "");
        var bar = Regex.Match(line, @"\|([# ]+)\|").Groups[1].Value;
        Assert.Equal(bar.Length / 2, bar.Count(c => c == '#'));
    }

    [Fact]
    public void The_live_display_on_an_80_column_terminal_never_writes_a_longer_line()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 80;
        console.Profile.Height = 24; // fixed, as the width: the test must not depend on the terminal it runs in
        ProgressDisplay.Run(Title, 0, 1000, sink =>
        {
            sink.Begin(0);
            for (long s = 1; s <= 1000; s += 111) sink.Update(s, Losses);
        }, console);
        // Strip the cursor movements and erasures of the live display, keep the text.
        var text = Regex.Replace(output.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", "\n");
        var lines = text.Split('\n', '\r').Where(l => l.Trim().Length > 0).ToList();
        Assert.Contains(lines, l => l.Contains("889/1000") && l.Contains(Losses));
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: '{l}'"));
    }
}
