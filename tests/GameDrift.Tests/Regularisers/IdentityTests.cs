using GameDrift.Games;
using GameDrift.Tests.TestGames;
using static GameDrift.Tests.TestGames.T3Game;

namespace GameDrift.Tests.Regularisers;

/// <summary>Spec T2: the double-backprop terms equal the Jacobian-vector products of §1.2, computed here from
/// hand-coded second derivatives of the T3 game, to 1e-10.</summary>
public class IdentityTests
{
    public static IEnumerable<object[]> Points()
    {
        var rng = new Random(7);
        for (var i = 0; i < 4; i++)
            yield return Enumerable.Range(0, 4).Select(_ => (object)(rng.NextDouble() * 2 - 1)).ToArray();
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void TermsAreTheJacobianProducts(double p0, double p1, double t0, double t1)
    {
        double[] p = { p0, p1 }, t = { t0, t1 };
        var game = new T3Game(p, t);
        var ev = new GameEvaluation(game, game.Phi, game.Theta, GameBatch.Empty, createGraph: true);
        double[] Term(GradientTerm k, PlayerRole r) => ev.Term(k, r, TermEstimator.SameBatch)[0].ToArray<double>();

        // f_phi f = H_phiphi(L1) grad_phi L1, g_theta g = H_thetatheta(L2) grad_theta L2 (f = -grad, f_phi = -H).
        Approx.Equal(MatVec(HessPhiL1(p, t), GradPhiL1(p, t)), Term(GradientTerm.SelfNorm, PlayerRole.Phi), 1e-10, "f_phi f");
        Approx.Equal(MatVec(HessThetaL2(p, t), GradThetaL2(p, t)), Term(GradientTerm.SelfNorm, PlayerRole.Theta), 1e-10, "g_theta g");
        // f_theta g = (d_theta grad_phi L1) grad_theta L2; g_phi f = (d_phi grad_theta L2) grad_phi L1.
        var mixed1 = new[,] { { B[0, 0] + 0.4 * p[0], B[0, 1] + 0.3 * Math.Cos(p[0]) }, { B[1, 0], B[1, 1] } };
        var mixed2 = new[,] { { -D[0, 0], -D[1, 0] + 0.5 * t[0] }, { -D[0, 1] + 0.1 * Math.Cos(t[1]), -D[1, 1] } };
        Approx.Equal(MatVec(mixed1, GradThetaL2(p, t)), Term(GradientTerm.OtherDotProduct, PlayerRole.Phi), 1e-10, "f_theta g");
        Approx.Equal(MatVec(mixed2, GradPhiL1(p, t)), Term(GradientTerm.OtherDotProduct, PlayerRole.Theta), 1e-10, "g_phi f");
        // The stop-gradient on the other factor gives a different vector in this general-sum game.
        var wrong = MatTVec(mixed2, GradThetaL1(p, t)); // grad_phi( sg(grad_theta L1) · grad_theta L2 )
        Assert.NotEqual(wrong[0], Term(GradientTerm.OtherDotProduct, PlayerRole.Phi)[0], 6);
    }
}
