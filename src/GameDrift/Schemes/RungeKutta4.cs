using GameDrift.Diagnostics;
using GameDrift.Games;
using GameDrift.Regularisers;
using GameDrift.Torch;

namespace GameDrift.Schemes;

/// <summary>Classical RK4 over the joint field (ODE-GAN, spec §5.4), weights (1/6, 1/3, 1/3, 1/6), stages at
/// (1/2, 1/2, 1), a fresh batch per stage. Step choice: each player moves with its own learning rate, i.e. RK4 with
/// unit step on the single-clock field <c>(eta_phi f, eta_theta g)</c> (§3.3); with equal rates this is the code's
/// configuration (the discriminator's rate for both). Stages are plain moves from the start point; the weighted
/// average of the stage gradients (regularisers included) goes to each player's optimiser, so plain SGD gives
/// exactly classical RK4.</summary>
public sealed class RungeKutta4(ITwoPlayerGame game, IPlayerOptimizer phiOptimizer, IPlayerOptimizer thetaOptimizer,
    IBatchSource batches, IEnumerable<IRegulariser>? regularisers = null)
    : UpdateScheme(game, phiOptimizer, thetaOptimizer, batches, regularisers)
{
    private static readonly double[] StageOffset = { 0.5, 0.5, 1.0 };
    private static readonly double[] Weight = { 1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6 };

    public override SchemeKind Kind => SchemeKind.RungeKutta4;

    protected override StepDiagnostics StepCore(SchemeInfo info)
    {
        var roles = new[] { PlayerRole.Phi, PlayerRole.Theta };
        Tensor[] Start(PlayerRole p) { using var _ = torch.NoGrad(); return Game.Get(p).Parameters.Select(t => t.Clone()).ToArray(); }
        var start = roles.Select(Start).ToArray();
        var sum = new Tensor[2][];
        StepDiagnostics? diagnostics = null;
        for (var stage = 0; stage < 4; stage++)
        {
            var ev = Evaluate();
            var k = roles.Select(p => RegularisedGradient(ev, info, p)).ToArray();
            diagnostics ??= new StepDiagnostics(Diagnose(ev, PlayerRole.Phi), Diagnose(ev, PlayerRole.Theta));
            using var _ = torch.NoGrad();
            for (var i = 0; i < 2; i++)
            {
                sum[i] = sum[i] is null ? k[i].Select(g => g * Weight[stage]).ToArray()
                    : sum[i].Zip(k[i], (s, g) => s + g * Weight[stage]).ToArray();
                var parameters = Game.Get(roles[i]).Parameters;
                // Next stage point: z0 - c * eta_P * k; after the last stage, back to z0 for the optimiser.
                for (var j = 0; j < parameters.Count; j++)
                {
                    parameters[j].Copy_(start[i][j]);
                    if (stage < 3) parameters[j].Add_(k[i][j], -StageOffset[stage] * info.Lr(roles[i]));
                }
            }
        }
        Optimizer(PlayerRole.Phi).Step(sum[0]);
        Optimizer(PlayerRole.Theta).Step(sum[1]);
        return diagnostics!;
    }
}
