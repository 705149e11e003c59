using GameDrift.Games;
using GameDrift.Regularisers;

namespace GameDrift.Tests.Regularisers;

public class RegistryTests
{
    [Fact]
    public void ParsesAMixedSpec()
    {
        var rs = RegulariserRegistry.Parse("cancel-interaction:single-clock:same-batch, r1=0.3,co=0.1,sga=0.5:align,strengthen-self:theta,wgan-gp=10,r2=1");
        Assert.Equal(7, rs.Count);
        var d = Assert.IsType<DriftRegulariser>(rs[0]);
        Assert.Equal((0.0, -1.0, DriftConvention.SingleClock, TermEstimator.SameBatch), (d.SelfMultiplier, d.InteractionMultiplier, d.Convention, d.Estimator));
        Assert.Equal(0.3, Assert.IsType<R1Penalty>(rs[1]).Gamma);
        Assert.Equal(0.1, Assert.IsType<ConsensusOptimisation>(rs[2]).Gamma);
        Assert.True(Assert.IsType<SymplecticGradientAdjustment>(rs[3]).Alignment);
        var s = Assert.IsType<DriftRegulariser>(rs[4]);
        Assert.Equal(new[] { PlayerRole.Theta }, s.Players);
        Assert.Equal((1.0, DriftConvention.Paper, TermEstimator.SplitBatch), (s.SelfMultiplier, s.Convention, s.Estimator));
        Assert.IsType<WganGradientPenalty>(rs[5]);
        Assert.IsType<R2Penalty>(rs[6]);
        Assert.Empty(RegulariserRegistry.Parse(""));
        Assert.Empty(RegulariserRegistry.Parse("none"));
    }

    [Theory]
    [InlineData("cancel-interaction:d", "cancel-interaction:phi", PlayerRole.Phi)]
    [InlineData("strengthen-self:g", "strengthen-self:theta", PlayerRole.Theta)]
    public void PlayerOptionsSpeltDGOrPhiThetaMeanTheSame(string dg, string formula, PlayerRole player)
    {
        var a = Assert.IsType<DriftRegulariser>(Assert.Single(RegulariserRegistry.Parse(dg)));
        var b = Assert.IsType<DriftRegulariser>(Assert.Single(RegulariserRegistry.Parse(formula)));
        Assert.Equal(new[] { player }, a.Players);
        Assert.Equal(a.Players, b.Players);
        Assert.Equal(a.Name, b.Name);
        Assert.Contains("d or g", Assert.Throws<FormatException>(() => RegulariserRegistry.Parse("cancel-interaction:d:theta")).Message);
    }

    [Theory]
    [InlineData("cancel-everything", "unknown regulariser")]
    [InlineData("r1", "needs a value")]
    [InlineData("r1=abc", "not a number")]
    [InlineData("r1=-1", ">= 0")]
    [InlineData("co=nan", "not a number")]
    [InlineData("cancel-interaction=2", "take no value")]
    [InlineData("cancel-interaction:fast", "unknown option")]
    [InlineData("cancel-self:paper:single-clock", "choose one")]
    [InlineData("r1=0.3,,co=1", "empty item")]
    [InlineData("r1=0.3:split", "takes none")]
    public void BadSpecsAreClearErrors(string spec, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => RegulariserRegistry.Parse(spec)).Message);
}
