using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Schemes;

namespace GameDrift.Tests.Regularisers;

/// <summary>The coefficient tables of spec §5.1 (paper/code) and §3.3 (single clock), eta_D = 0.1, eta_G = 0.3.</summary>
public class DriftCoefficientTests
{
    private const double D = 0.1, G = 0.3;

    [Theory]
    // scheme, first, convention, expected: phi self, phi interaction, theta self, theta interaction
    [InlineData(SchemeKind.Simultaneous, PlayerRole.Phi, DriftConvention.Paper, D / 2, D / 2, G / 2, G / 2)]
    [InlineData(SchemeKind.Alternating, PlayerRole.Phi, DriftConvention.Paper, D / 2, D / 2, G / 2, G / 2 - D)]
    [InlineData(SchemeKind.Alternating, PlayerRole.Theta, DriftConvention.Paper, D / 2, D / 2 - G, G / 2, G / 2)]
    [InlineData(SchemeKind.Simultaneous, PlayerRole.Phi, DriftConvention.SingleClock, D / 2, G / 2, G / 2, D / 2)]
    [InlineData(SchemeKind.Alternating, PlayerRole.Phi, DriftConvention.SingleClock, D / 2, G / 2, G / 2, -D / 2)]
    [InlineData(SchemeKind.Alternating, PlayerRole.Theta, DriftConvention.SingleClock, D / 2, -G / 2, G / 2, D / 2)]
    public void Table(SchemeKind kind, PlayerRole first, DriftConvention c, double phiSelf, double phiInt, double thetaSelf, double thetaInt)
    {
        var s = new SchemeInfo(kind, D, G, first);
        Assert.Equal(phiSelf, Self(c, s, PlayerRole.Phi), 15);
        Assert.Equal(phiInt, Interaction(c, s, PlayerRole.Phi), 15);
        Assert.Equal(thetaSelf, Self(c, s, PlayerRole.Theta), 15);
        Assert.Equal(thetaInt, Interaction(c, s, PlayerRole.Theta), 15);
    }

    [Fact]
    public void SeveralStepsAndRk4()
    {
        var k = new SchemeInfo(SchemeKind.Alternating, D, G, PlayerRole.Phi, PhiSteps: 2, ThetaSteps: 1);
        Assert.Equal(D / 4, Self(DriftConvention.Paper, k, PlayerRole.Phi), 15);
        // Single clock, k1 = 2 phi steps then k2 = 1 theta step: self eta/2; interaction k_other eta_other/2, sign flipped for the second mover.
        Assert.Equal(D / 2, Self(DriftConvention.SingleClock, k, PlayerRole.Phi), 15);
        Assert.Equal(G / 2, Interaction(DriftConvention.SingleClock, k, PlayerRole.Phi), 15);
        Assert.Equal(-2 * D / 2, Interaction(DriftConvention.SingleClock, k, PlayerRole.Theta), 15);
        Assert.Throws<NotSupportedException>(() => Self(DriftConvention.Paper, new SchemeInfo(SchemeKind.RungeKutta4, D, G), PlayerRole.Phi));
    }

    // The coefficients at the scheme's rates.
    private static double Self(DriftConvention c, SchemeInfo s, PlayerRole p) => DriftCoefficients.SelfMix(c, s, p).Of(s.Lr(p), s.Lr(p.Other()));

    private static double Interaction(DriftConvention c, SchemeInfo s, PlayerRole p) => DriftCoefficients.InteractionMix(c, s, p).Of(s.Lr(p), s.Lr(p.Other()));
}
