using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Torch;
using GameDrift.Transforms;

namespace GameDrift.Tests.Games;

public class FieldGameTests
{
    // Rotational field of spec §3.5: f = -e x + y, g = -x - e y.
    private static (FieldGame Game, Tensor X, Tensor Y) Rotational(double e)
    {
        var x = torch.Tensor(new[] { 1.0 });
        var y = torch.Tensor(new[] { 0.5 });
        var game = new FieldGame((p, t, _) => (new[] { -e * p[0] + t[0] }, new[] { -p[0] - e * t[0] }));
        return (game, x, y);
    }

    [Fact]
    public void SimultaneousSgdFollowsTheField()
    {
        var (game, x, y) = Rotational(0.09);
        var d = new Simultaneous(game, Chain.Of(OptimizerAdapter.Sgd([x], 0.2)), Chain.Of(OptimizerAdapter.Sgd([y], 0.1)),
            BatchSource.None).Step();
        Assert.Equal(1.0 + 0.2 * (-0.09 + 0.5), x.ToDouble(), 14);
        Assert.Equal(0.5 + 0.1 * (-1 - 0.09 * 0.5), y.ToDouble(), 14);
        Assert.Equal(Math.Abs(-0.09 + 0.5), d.D.OwnGradNorm, 14);
        Assert.True(double.IsNaN(d.D.Loss));
    }

    [Fact]
    public void LossBasedRegularisersRejectFieldGames()
    {
        // CO adds grad ½(|grad_phi L1|² + |grad_theta L2|²): it needs losses. (The drift terms are Jacobian-vector
        // products of the fields and are defined here; ToyTrainingTests runs them.)
        var (game, x, y) = Rotational(0.09);
        IRegulariser[] regs = [new ConsensusOptimisation(0.1)];
        var scheme = new Simultaneous(game, Chain.Of(regs, OptimizerAdapter.Sgd([x], 0.2)),
            Chain.Of(regs, OptimizerAdapter.Sgd([y], 0.1)), BatchSource.None);
        var e = Assert.Throws<InvalidOperationException>(() => scheme.Step());
        Assert.Contains("differentiable game", e.Message);
    }
}
