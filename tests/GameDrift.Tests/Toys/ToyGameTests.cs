using GameDrift.Analysis;
using GameDrift.Games;
using GameDrift.Games.Toys;
using GameDrift.Torch;

namespace GameDrift.Tests.Toys;

public class ToyGameTests
{
    [Fact]
    public void RegistryKnowsEveryNameAndRejectsOthers()
    {
        foreach (var name in ToyGames.Names) Assert.Equal(name, ToyGames.Create(name).Name);
        Assert.Equal(0.2, ((RotationalGame)ToyGames.Create("Rotational", new ToyGameOptions(0.2, 0.3))).Epsilon1);
        Assert.Equal(3, ToyGames.Create("bilinear", new ToyGameOptions(Coupling: new double[2, 3])).ThetaDim);
        var ex = Assert.Throws<ArgumentException>(() => ToyGames.Create("dirac-gp"));
        Assert.Contains("dirac-wgan", ex.Message);
    }

    /// <summary>The Dirac-GAN as a GAN of the training path plays the toy's game for each of its three losses.</summary>
    [Fact]
    public void DiracAsAGanPlaysTheToyGame()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var loss in new[] { DiracLoss.Standard, DiracLoss.NonSaturating, DiracLoss.Wasserstein })
        {
            var toy = new DiracGan(loss);
            var (p, t) = (torch.Tensor(0.7).RequiresGrad_(), torch.Tensor(-1.3).RequiresGrad_());
            var (l1, l2) = toy.AsGan(p, t).Losses([p], [t], DiracGan.DataBatches(3).Next());
            var (e1, e2) = toy.Losses(p, t);
            Assert.Equal(e1.ToDouble(), l1.ToDouble(), 14);
            // The GAN's generator loss leaves out the data term, a constant in theta: the same gradient.
            Assert.Equal(Autograd.Grad(e2, [t])[0]!.ToDouble(), Autograd.Grad(l2, [t])[0]!.ToDouble(), 14);
        }
        var e = Assert.Throws<ArgumentException>(() => new DiracGan().AsGan(torch.Zeros(2), torch.Zeros(1)));
        Assert.Contains("shape [1]", e.Message);
    }

    [Fact]
    public void DiracFieldsMatchTheSpecFormulas()
    {
        // §7.7: grad_phi L_D = s theta, grad_theta L_G = -s phi (standard); NS generator: -(1 - s) phi.
        double x = 0.7, y = -1.3, s = 1 / (1 + Math.Exp(-x * y));
        foreach (var (loss, gExpected) in new[] { (DiracLoss.Standard, s * x), (DiracLoss.NonSaturating, (1 - s) * x), (DiracLoss.Wasserstein, x) })
        {
            var z = JointState.FieldAt(new DiracGan(loss), new[] { x, y });
            Assert.Equal(loss == DiracLoss.Wasserstein ? -y : -s * y, z[0], 15);
            Assert.Equal(gExpected, z[1], 15);
        }
    }

    [Fact]
    public void ClosedFormFieldsAndJvpsMatchAutograd()
    {
        var games = new IClosedFormField[] { new DiracGan(), new DiracGan(DiracLoss.NonSaturating), new DiracGan(DiracLoss.Wasserstein),
            new RotationalGame(0.1, 0.3), new BilinearGame(new[,] { { 0.7, -1.2, 0.3 }, { 1.5, 0.4, -0.8 } }) };
        foreach (var game in games)
        {
            int n = game.PhiDim + game.ThetaDim;
            var z = Enumerable.Range(0, n).Select(i => 0.4 * i - 0.55).ToArray();
            var v = Enumerable.Range(0, n).Select(i => 1.0 - 0.3 * i).ToArray();
            var f = new double[game.PhiDim]; var g = new double[game.ThetaDim];
            game.Field(z.AsSpan(0, game.PhiDim), z.AsSpan(game.PhiDim), f, g);
            var expected = JointState.FieldAt(game, z);
            Assert.Equal(expected, f.Concat(g).ToArray(), (a, b) => Math.Abs(a - b) < 1e-15);
            game.Jvp(z.AsSpan(0, game.PhiDim), z.AsSpan(game.PhiDim), v.AsSpan(0, game.PhiDim), v.AsSpan(game.PhiDim), f, g);
            var jv = FieldJacobian.Of(game, z) * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(v);
            Assert.Equal(jv.ToArray(), f.Concat(g).ToArray(), (a, b) => Math.Abs(a - b) < 1e-14);
        }
    }

    [Fact]
    public void DriftTermIdentitiesOnTheGeneralSumGame()
    {
        // Spec T2: f_phi f = ½ grad_phi ||grad_phi L1||², f_theta g = grad_phi(grad_theta L1 · sg(grad_theta L2)).
        using var scope = torch.NewDisposeScope();
        var game = new GeneralSumGame();
        var phi = torch.Tensor(new[] { 0.5, -0.3 }).RequiresGrad_();
        var theta = torch.Tensor(new[] { 0.4, 0.2 }).RequiresGrad_();
        var d = DriftTerms.Compute(game, phi, theta);
        var (l1, l2) = game.Losses(phi, theta);
        var g1phi = Autograd.Grad(l1, new[] { phi }, retainGraph: true, createGraph: true)[0]!;
        var selfTerm = Autograd.Grad(0.5 * g1phi.Square().Sum(), new[] { phi })[0]!;
        var g1theta = Autograd.Grad(l1, new[] { theta }, retainGraph: true, createGraph: true)[0]!;
        var g2theta = Autograd.Grad(l2, new[] { theta }, retainGraph: true)[0]!.Detach();
        var interaction = Autograd.Grad((g1theta * g2theta).Sum(), new[] { phi })[0]!;
        Assert.True((d.FphiF - selfTerm).Abs().Max().ToDouble() < 1e-12);
        Assert.True((d.FthetaG - interaction).Abs().Max().ToDouble() < 1e-12);
    }
}
