using GameDrift.Io.Plots;

namespace GameDrift.Tests.Io.Plots;

public class TicksTests
{
    [Fact]
    public void UnitRangeGetsFifths()
    {
        Assert.Equal(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }, Ticks.Linear(0, 1, 8));
    }

    [Fact]
    public void PicksTwoAndAHalfWhenTwoGivesTooMany()
    {
        // Step 2 would give 8 ticks (-2..12); 2.5 gives 6.
        Assert.Equal(new[] { -2.5, 0, 2.5, 5, 7.5, 10 }, Ticks.Linear(-3.7, 12.2, 6));
    }

    [Fact]
    public void TickValuesAreExactDecimals()
    {
        var ticks = Ticks.Linear(0, 0.9, 10);
        Assert.Equal(10, ticks.Length);
        Assert.Equal(0.3, ticks[3]); // not 0.30000000000000004
        Assert.Equal(0.7, ticks[7]);
    }

    [Fact]
    public void LargeAndNegativeRanges()
    {
        Assert.Equal(new double[] { 0, 20000, 40000, 60000 }, Ticks.Linear(-1000, 61000, 5));
        Assert.Equal(new[] { -1.0, -0.5, 0, 0.5 }, Ticks.Linear(-1.2, 0.6, 5));
        Assert.Equal(new[] { 3.0 }, Ticks.Linear(3, 3));
    }

    [Fact]
    public void LogAxisUsesDecades()
    {
        Assert.Equal(new[] { 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1 }, Ticks.Log10(8e-6, 3, 8));
    }

    [Fact]
    public void ManyDecadesAreThinnedToAlignedStrides()
    {
        Assert.Equal(new[] { 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1, 1e2 }, Ticks.Log10(1e-12, 1e3, 8));
    }

    [Fact]
    public void ShortLogRangesUseOneTwoFive()
    {
        Assert.Equal(new double[] { 1, 2, 5, 10 }, Ticks.Log10(1, 10, 8));
        Assert.Equal(new[] { 0.02, 0.05, 0.1 }, Ticks.Log10(0.015, 0.12, 8));
    }

    [Fact]
    public void VeryShortLogRangeFallsBackToLinear()
    {
        Assert.Equal(new[] { 2.0, 2.2, 2.4, 2.6, 2.8, 3.0 }, Ticks.Log10(2, 3, 8));
    }

    [Fact]
    public void LogMinorTicksFillTheDecades()
    {
        var minor = Ticks.Log10Minor(1, 100);
        Assert.Equal(16, minor.Length);
        Assert.Equal(2, minor[0]);
        Assert.Equal(90, minor[^1]);
        Assert.DoesNotContain(10.0, minor);
    }

    [Fact]
    public void LinearLabelsShareDecimals()
    {
        Assert.Equal(new[] { "0.0", "0.5", "1.0" }, TickFormat.Linear([0, 0.5, 1]));
        Assert.Equal(new[] { "0.00", "0.25", "0.50" }, TickFormat.Linear([0, 0.25, 0.5]));
        Assert.Equal(new[] { "0", "20", "40" }, TickFormat.Linear([0, 20, 40]));
        Assert.Equal(new[] { "-0.5", "0.0", "0.5" }, TickFormat.Linear([-0.5, -1e-17, 0.5]));
        Assert.Equal(new[] { "1e5", "2e5", "3e5" }, TickFormat.Linear([1e5, 2e5, 3e5]));
        Assert.Equal(new[] { "0", "2.5e-4", "5e-4" }, TickFormat.Linear([0, 2.5e-4, 5e-4]));
    }

    [Fact]
    public void LogLabelsAreCompact()
    {
        Assert.Equal("1e-5", TickFormat.Log(1e-5));
        Assert.Equal("0.001", TickFormat.Log(1e-3));
        Assert.Equal("0.01", TickFormat.Log(0.01));
        Assert.Equal("1", TickFormat.Log(1));
        Assert.Equal("1000", TickFormat.Log(1000));
        Assert.Equal("1e4", TickFormat.Log(1e4));
        Assert.Equal("2e6", TickFormat.Log(2e6));
    }
}
