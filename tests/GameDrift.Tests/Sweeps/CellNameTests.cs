using GameDrift.Sweeps;

namespace GameDrift.Tests.Sweeps;

public class CellNameTests
{
    [Fact]
    public void NamesCarryTheIndexAndEveryAxisValue()
    {
        var plan = SweepPlan.Expand(SweepConfig.Parse(
            "axes:\n  scheme: [simultaneous, alternating]\n  lr_ratio: [0.25, 0.5]\n", "s.yaml", "/tmp"));
        Assert.Equal(new[]
        {
            "000_scheme-simultaneous_lr_ratio-0.25", "001_scheme-simultaneous_lr_ratio-0.5",
            "002_scheme-alternating_lr_ratio-0.25", "003_scheme-alternating_lr_ratio-0.5",
        }, plan.Cells.Select(c => c.Name));
        Assert.Equal("cells/003_scheme-alternating_lr_ratio-0.5", plan.Cells[3].RelativePath);
    }

    [Fact]
    public void ValuesBecomeSafeFileNameFragments()
    {
        Assert.Equal("cancel-interaction+r1=0.3", CellNames.Value("cancel-interaction,r1=0.3"));
        Assert.Equal("cancel-interaction-single-clock", CellNames.Value("cancel-interaction:single-clock"));
        Assert.Equal("none", CellNames.Value(""));
        Assert.Equal("a-b-c", CellNames.Value("a/b c"));
        Assert.Equal(CellNames.MaxValueLength, CellNames.Value(new string('x', 200)).Length);
    }

    [Fact]
    public void IndexWidthGrowsWithTheCellCount()
    {
        KeyValuePair<string, string>[] a = [new("seed", "4")];
        Assert.Equal("004_seed-4", CellNames.Make(4, 10, a));
        Assert.Equal("0004_seed-4", CellNames.Make(4, 1500, a));
    }

    [Fact]
    public void NamesAreUniqueEvenWhenValuesCollide()
    {
        // "a/b" and "a b" both read "a-b": the index keeps the directories apart.
        var plan = SweepPlan.Expand(SweepConfig.Parse("axes:\n  data_dir: ['a/b', 'a b']\n", "s.yaml", "/tmp"));
        Assert.Equal(2, plan.Cells.Select(c => c.Name).Distinct().Count());
    }
}
