using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Torch;
using GameDrift.Transforms;

namespace GameDrift.Tests.Transforms;

/// <summary>A player's update is its own gradient through the chain's transforms, in order, then the optimiser's step.
/// With plain SGD a step moves p by -eta times the gradient handed over, so the moves of differently composed chains
/// from one start point are related linearly: Δ(chain) = -eta (g + terms).</summary>
public class ChainTests
{
    private const double EtaPhi = 0.1, EtaTheta = 0.3;

    /// <summary>One simultaneous step on the general-sum game from its start; the move (phi, theta) of each player.</summary>
    private static double[] Move(Func<IPlayerOptimizer, Chain> phiChain, Func<IPlayerOptimizer, Chain> thetaChain)
    {
        using var scope = torch.NewDisposeScope();
        var (game, phi, theta) = AtStart();
        new Simultaneous(game, phiChain(OptimizerAdapter.Sgd([phi], EtaPhi)),
            thetaChain(OptimizerAdapter.Sgd([theta], EtaTheta)), BatchSource.None).Step();
        return phi.ToArray<double>().Concat(theta.ToArray<double>()).Select((z, i) => z - GeneralSumGame.Start[i]).ToArray();
    }

    private static (ITwoPlayerGame Game, Tensor Phi, Tensor Theta) AtStart()
    {
        var toy = (IDifferentiableToyGame)ToyGames.Create("general-sum");
        var z0 = GeneralSumGame.Start;
        var phi = torch.Tensor(z0[..toy.PhiDim]).RequiresGrad_();
        var theta = torch.Tensor(z0[toy.PhiDim..]).RequiresGrad_();
        return (toy, phi, theta);
    }

    private static double[] Move(params IGradientTransform[] transforms) => Move(o => Chain.Of(transforms, o), o => Chain.Of(transforms, o));

    private static double[] Combine(double a, double[] x, double b, double[] y) => x.Zip(y, (u, v) => a * u + b * v).ToArray();

    [Fact]
    public void AnOptimiserAloneTakesThePlainGradientStep()
    {
        using var scope = torch.NewDisposeScope();
        var (game, phi, theta) = AtStart();
        var ev = new GameEvaluation(game, [phi], [theta], GameBatch.Empty, createGraph: false);
        var expected = ev.OwnGradient(PlayerRole.Phi)[0].ToArray<double>().Select(g => -EtaPhi * g)
            .Concat(ev.OwnGradient(PlayerRole.Theta)[0].ToArray<double>().Select(g => -EtaTheta * g)).ToArray();
        TestGames.Approx.Equal(expected, Move(o => Chain.Of(o), o => Chain.Of(o)), 1e-15, "optimiser-only chain");
    }

    [Fact]
    public void RegularisersAddTheirTermsInEitherOrder()
    {
        var (drift, co) = (RegulariserRegistry.Parse("cancel-interaction")[0], RegulariserRegistry.Parse("co=0.3")[0]);
        var none = Move();
        var (withDrift, withCo) = (Move(drift), Move(co));
        Assert.True(Combine(1, withDrift, -1, none).Max(Math.Abs) > 1e-4 && Combine(1, withCo, -1, none).Max(Math.Abs) > 1e-4,
            "each regulariser moves the step");
        // Δ(drift, co) = Δ(drift) + Δ(co) - Δ(none): both terms are added once, whatever the order.
        var expected = Combine(1, Combine(1, withDrift, 1, withCo), -1, none);
        TestGames.Approx.Equal(expected, Move(drift, co), 1e-14, "drift then co");
        TestGames.Approx.Equal(expected, Move(co, drift), 1e-14, "co then drift");
    }

    [Fact]
    public void TransformsRunInChainOrder()
    {
        var co = RegulariserRegistry.Parse("co=0.3")[0];
        var (none, withCo) = (Move(), Move(co));
        var doubling = new Doubling();
        // Doubling then CO hands over 2 g + term; CO then doubling hands over 2 (g + term).
        TestGames.Approx.Equal(Combine(1, none, 1, withCo), Move(doubling, co), 1e-14, "double, then add the term");
        TestGames.Approx.Equal(Combine(2, withCo, 0, none), Move(co, doubling), 1e-14, "add the term, then double");
    }

    [Fact]
    public void EachPlayerHasItsOwnChain()
    {
        // The regulariser in the discriminator's chain only is the spec's ':d' form in both chains.
        var drift = RegulariserRegistry.Parse("cancel-interaction")[0];
        var onlyD = Move(o => Chain.Of([drift], o), o => Chain.Of(o));
        Assert.Equal(Move(RegulariserRegistry.Parse("cancel-interaction:d")[0]), onlyD);
        Assert.NotEqual(Move(drift), onlyD);
    }

    private sealed class Doubling : IGradientTransform
    {
        public IReadOnlyList<Tensor> Update(IReadOnlyList<Tensor> gradient, StepContext context) => gradient.Select(g => g * 2.0).ToArray();
    }
}
