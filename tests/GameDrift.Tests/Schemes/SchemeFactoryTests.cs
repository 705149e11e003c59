using GameDrift.Games;
using GameDrift.Schemes;
using GameDrift.Tests.TestGames;
using GameDrift.Training;
using GameDrift.Transforms;

namespace GameDrift.Tests.Schemes;

/// <summary>One parser for scheme names: the same name builds the same scheme for training, the ring and the toys.</summary>
public class SchemeFactoryTests
{
    [Theory]
    [InlineData("simultaneous", SchemeKind.Simultaneous)]
    [InlineData(" SIM ", SchemeKind.Simultaneous)]
    [InlineData("alternating", SchemeKind.Alternating)]
    [InlineData("alt", SchemeKind.Alternating)]
    [InlineData("rk4", SchemeKind.RungeKutta4)]
    public void NamesParseToOneKind(string name, SchemeKind kind) => Assert.Equal(kind, SchemeFactory.Parse(name));

    [Fact]
    public void AnUnknownNameIsOneLineNamingTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => SchemeFactory.Parse("leapfrog", "--scheme"));
        Assert.Equal("--scheme: unknown scheme 'leapfrog' (expected simultaneous, alternating, rk4)", e.Message);
        Assert.Contains("'scheme'", Assert.Throws<ArgumentException>(() => new RunConfig { Scheme = "leapfrog" }.Validate()).Message);
    }

    [Fact]
    public void CreateBuildsTheSchemeOfEachKindWithItsAlternatingOrder()
    {
        var game = T3Game.AtZ0();
        var (d, g) = (OptimizerAdapter.Sgd(game.Phi, 0.1), OptimizerAdapter.Sgd(game.Theta, 0.2));
        foreach (var kind in new[] { SchemeKind.Simultaneous, SchemeKind.Alternating, SchemeKind.RungeKutta4 })
            Assert.Equal(kind, SchemeFactory.Create(kind, game, Chain.Of(d), Chain.Of(g), BatchSource.None).Kind);
        var alt = Assert.IsType<Alternating>(SchemeFactory.Create(SchemeKind.Alternating, game, Chain.Of(d), Chain.Of(g), BatchSource.None, PlayerRole.Theta, 2, 3));
        Assert.Equal((PlayerRole.Theta, 2, 3), (alt.First, alt.PhiSteps, alt.ThetaSteps));
        Assert.Equal((0.1, 0.2), (alt.Info.LrPhi, alt.Info.LrTheta));
    }
}
