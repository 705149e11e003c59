using GameDrift.Games;
using GameDrift.Regularisers;

namespace GameDrift.Schemes;

/// <summary>Classical RK4 over the joint field (ODE-GAN, spec §5.4, <see cref="UpdateRule.RungeKutta4"/>), a fresh batch
/// per stage. Step choice: each player moves with its own learning rate, i.e. RK4 with unit step on the single-clock
/// field <c>(eta_phi f, eta_theta g)</c> (§3.3); with equal rates this is the code's configuration (the discriminator's
/// rate for both). The weighted average of the stage gradients (regularisers included) goes to each player's
/// optimiser. Diagnostics are those of the first stage (the step's start point).</summary>
public sealed class RungeKutta4(ITwoPlayerGame game, IPlayerOptimizer phiOptimizer, IPlayerOptimizer thetaOptimizer,
    IBatchSource batches, IEnumerable<IRegulariser>? regularisers = null)
    : UpdateScheme(game, phiOptimizer, thetaOptimizer, batches, regularisers)
{
    public override SchemeKind Kind => SchemeKind.RungeKutta4;

    protected override bool DiagnoseFirstEvaluation => true;
}
