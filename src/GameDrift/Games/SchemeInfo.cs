namespace GameDrift.Games;

public enum SchemeKind { Simultaneous, Alternating, RungeKutta4 }

/// <summary>What a player's update chain (a regulariser, DAL) may need to know about the step being taken: the scheme,
/// the alternating order and steps per player, and the players' current learning rates (eta_phi = alpha h, eta_theta =
/// lambda h, spec §1.1). The toy maps leave the rates NaN: their oracle carries a rate per configuration, and neither
/// the update rules nor a regulariser's parts read these.</summary>
public sealed record SchemeInfo(SchemeKind Kind, double LrPhi = double.NaN, double LrTheta = double.NaN,
    PlayerRole First = PlayerRole.Phi, int PhiSteps = 1, int ThetaSteps = 1)
{
    public double Lr(PlayerRole p) => p == PlayerRole.Phi ? LrPhi : LrTheta;
    public int Steps(PlayerRole p) => p == PlayerRole.Phi ? PhiSteps : ThetaSteps;

    /// <summary>Who moves at each sub-step of an alternating step: the first player k times, then the other.</summary>
    public IEnumerable<PlayerRole> AlternatingOrder => new[] { First, First.Other() }.SelectMany(p => Enumerable.Repeat(p, Steps(p)));
}
