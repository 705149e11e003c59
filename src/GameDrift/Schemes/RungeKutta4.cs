using GameDrift.Games;
using GameDrift.Transforms;

namespace GameDrift.Schemes;

/// <summary>Classical RK4 over the joint field (ODE-GAN, spec §5.4, <see cref="UpdateRule.RungeKutta4"/>), a fresh batch
/// per stage. Step choice: each player moves with its own learning rate, i.e. RK4 with unit step on the single-clock
/// field <c>(eta_phi f, eta_theta g)</c> (§3.3); with equal rates this is the code's configuration (the discriminator's
/// rate for both). The weighted average of the stage gradients (each through the player's chain) goes to the
/// player's optimiser. Diagnostics are those of the first stage (the step's start point).</summary>
public sealed class RungeKutta4(ITwoPlayerGame game, Chain phi, Chain theta, IBatchSource batches)
    : UpdateScheme(game, phi, theta, batches)
{
    public override SchemeKind Kind => SchemeKind.RungeKutta4;

    protected override bool DiagnoseFirstEvaluation => true;
}
