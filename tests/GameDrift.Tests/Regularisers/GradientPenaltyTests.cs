using GameDrift.Games;
using GameDrift.Losses;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Torch;
using static GameDrift.Tests.TestGames.SmallGan;

namespace GameDrift.Tests.Regularisers;

/// <summary>R1, R2 and WGAN-GP gradients against finite differences of the hand-coded penalties.</summary>
public class GradientPenaltyTests
{
    private static readonly double[] Phi = { 0.8, -0.4 }, Theta = { 0.2, 1.3 };
    private static readonly SchemeInfo Sim = new(SchemeKind.Simultaneous, 0.1, 0.1);

    private static double[] Apply(IRegulariser r, PlayerRole who = PlayerRole.Phi)
    {
        var game = Create(Phi, Theta, GanLoss.NonSaturating);
        r.Check(game, SchemeKind.Simultaneous);
        var g = r.Gradient(new GameEvaluation(game, game.DiscriminatorParameters, game.GeneratorParameters, Batch(), createGraph: false), Sim, who);
        return g is null ? Array.Empty<double>() : g[0].ToArray<double>();
    }

    [Fact]
    public void R1()
    {
        double Pen(double[] p) => 0.3 / 2 * Real.Average(x => Math.Pow(InputGradient(p, x), 2));
        Approx.Equal(Approx.Gradient(Pen, Phi), Apply(new R1Penalty(0.3)), 1e-8, "r1");
        Assert.Empty(Apply(new R1Penalty(0.3), PlayerRole.Theta));
    }

    [Fact]
    public void R2()
    {
        double Pen(double[] p) => 2.0 / 2 * Latents.Average(z => Math.Pow(InputGradient(p, Fake(Theta, z)), 2));
        Approx.Equal(Approx.Gradient(Pen, Phi), Apply(new R2Penalty(2.0)), 1e-8, "r2");
    }

    [Fact]
    public void WganGp()
    {
        var e = torch.Rand(new long[] { 4, 1 }, new Generator(11), ScalarType.Float64).ToArray<double>();
        double Pen(double[] p) => 10 * Enumerable.Range(0, 4).Average(i =>
            Math.Pow(Math.Abs(InputGradient(p, e[i] * Real[i] + (1 - e[i]) * Fake(Theta, Latents[i]))) - 1, 2));
        Approx.Equal(Approx.Gradient(Pen, Phi), Apply(new WganGradientPenalty(10, new Generator(11))), 1e-8, "wgan-gp");
    }

    [Fact]
    public void PenaltiesNeedAGanGame() =>
        Assert.Contains("GAN game", Assert.Throws<InvalidOperationException>(() => new R1Penalty(1).Check(T3Game.AtZ0(), SchemeKind.Simultaneous)).Message);
}
