using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.ToyRuns;

namespace GameDrift.Tests.Analysis;

/// <summary>Verdicts mean what they say on the run's own time scale: "converged" only when the distance went to near zero,
/// and no verdict from windows shorter than a turn of the linearised rotation.</summary>
public class RegimeTimeScaleTests
{
    [Fact]
    public void AnUnstableEquilibriumWithABoundedOrbitIsNotConverged()
    {
        // A cell of `toy-sweep --game dirac --scheme simultaneous`: the equilibrium is linearly unstable (rho 1.0114);
        // the run grows from 1.41 to about 4.6, then orbits around 3 to 4 without coming near the equilibrium.
        var run = BatchedToyRunner.Run(new DiracGan(), new SchemeInfo(SchemeKind.Simultaneous), ToyBatch.Single(0.1799, 0.5089, new[] { 1.0, 1.0 }), 100_000);
        Assert.InRange(run.Spectrum!.Rho[0], 1.011, 1.012);
        Assert.True(run.FinalDistance[0] > 2, $"final distance {run.FinalDistance[0]}");
        Assert.NotEqual(ToyRegime.Converged, run.Regime(0));
    }

    [Fact]
    public void ARunShorterThanItsRotationIsUndecidedNotDiverged()
    {
        // Alternating Dirac-GAN, lr_d 0.01, lr_d/lr_g 8: one turn of the (area-preserving) linearised map takes about
        // 2 pi / (0.5 sqrt(lr_d lr_g)) = 3550 steps, so 1000 steps see a piece of one elliptic orbit.
        ToySweepRow Cell(int steps) => ToySweep.Run(new DiracGan(), SchemeKind.Alternating, LogRange.Parse("0.01:0.01:1"),
            LogRange.Parse("8:8:1"), steps, new[] { 1.0, 1.0 }, boundaryResolution: 4).Rows.Single();
        Assert.Equal("undecided", Cell(1000).Verdict);
        Assert.Equal("cycling", Cell(20_000).Verdict);
    }

    [Fact]
    public void SlowlyShrinkingIsUndecidedAndReachingZeroIsConverged()
    {
        Assert.Equal(ToyRegime.Undecided, RegimeClassifier.Classify(1, 1, 0.5, 0.4, -0.001, 1000)); // still shrinking
        Assert.Equal(ToyRegime.Converged, RegimeClassifier.Classify(1, 1, 0.02, 0.009, -0.01, 1000));
        Assert.Equal(ToyRegime.Cycling, RegimeClassifier.Classify(1.41, 4.59, 3.9, 3.46, 0, 100_000)); // shrank from an overshoot, far from 0
        Assert.Equal(ToyRegime.Undecided, RegimeClassifier.Classify(1, 1.5, 2, 2, 0, 1000, windowsValid: false));
        Assert.Equal(ToyRegime.Diverged, RegimeClassifier.Classify(1, 1.5, 5, 5, 0, 1000, windowsValid: false));
    }

    [Fact]
    public void SweepPredictsTheRegularisedMapAndNamesTheUnregularisedColumns()
    {
        // R1 makes the Dirac-GAN's equilibrium attracting (§7.5): the exact map as run is stable, while the
        // unregularised alternating scheme's prediction is neutral (single clock).
        var result = ToySweep.Run(new DiracGan(), SchemeKind.Alternating, LogRange.Parse("0.1:0.1:1"), LogRange.Parse("1:1:1"), 2000,
            new[] { 1.0, 1.0 }, ToyRegularisation.Parse("r1=0.5"), boundaryResolution: 4);
        var row = result.Rows.Single();
        Assert.Equal("stable", row.PredictedExactMap);
        Assert.True(row.SpectralRadius < 1);
        Assert.Equal("neutral", row.PredictedSingleClock);
        Assert.Equal("converged", row.Verdict);
        Assert.Contains("predicted_single_clock_unregularised", ToySweep.Columns);
        Assert.Contains("predicted_exact_map", ToySweep.Columns);
    }
}
