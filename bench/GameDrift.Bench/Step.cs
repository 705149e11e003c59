using GameDrift.Torch;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Bench;

/// <summary>One simultaneous SGD step of both players: a joint forward pass of D on [real; fake], D loss
/// BCE(real, 1) + BCE(fake, 0), non-saturating G loss BCE(fake, 1). With a gradient-norm penalty, D's loss also
/// gets λ ||∇_θ L_G||², differentiated through D's parameters by double backprop.</summary>
internal sealed class Step
{
    public const double LearningRate = 0.01, Penalty = 0.01;
    private readonly Dcgan net;
    private readonly Tensor real, ones, zeros;
    private readonly long batch;

    public Step(Dcgan net, Tensor real)
    {
        this.net = net;
        this.real = real;
        batch = real.Size(0);
        ones = torch.Ones(batch);
        zeros = torch.Zeros(batch);
    }

    public (double LossD, double LossG) Run(bool gradNormPenalty)
    {
        using var scope = torch.NewDisposeScope();
        var z = torch.Randn(batch, Dcgan.Z, 1, 1);
        var fake = net.Generate(z);
        var logits = net.Discriminate(torch.Cat(new[] { real, fake }));
        var lr = logits.Narrow(0, 0, batch);
        var lf = logits.Narrow(0, batch, batch);
        var lossD = F.BinaryCrossEntropyWithLogits(lr, ones) + F.BinaryCrossEntropyWithLogits(lf, zeros);
        var lossG = F.BinaryCrossEntropyWithLogits(lf, ones);

        var gG = Autograd.Grad(lossG, net.G, retainGraph: true, createGraph: gradNormPenalty);
        var objectiveD = lossD;
        if (gradNormPenalty)
        {
            var norm = gG[0]!.Square().Sum();
            for (var i = 1; i < gG.Length; i++) norm = norm + gG[i]!.Square().Sum();
            objectiveD = lossD + norm * Penalty;
        }
        var gD = Autograd.Grad(objectiveD, net.D);

        using (torch.NoGrad())
        {
            for (var i = 0; i < net.G.Length; i++) net.G[i].Add_(gG[i]!, -LearningRate);
            for (var i = 0; i < net.D.Length; i++) net.D[i].Add_(gD[i]!, -LearningRate);
        }
        return (lossD.ToDouble(), lossG.ToDouble());
    }
}
