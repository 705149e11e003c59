using GameDrift.Torch;
using F = GameDrift.Torch.nn.functional;

namespace GameDrift.Bench;

/// <summary>DCGAN for 32x32x3 images written with the functional API and explicit weights. bench/cpp/dcgan.h is
/// the same model, op for op, in C++: keep the two in step.</summary>
internal sealed class Dcgan
{
    public const int Z = 128;
    private static readonly long[] S1 = { 1 }, S2 = { 2 }, P0 = { 0 }, P1 = { 1 };

    // Generator: z(128, 1x1) -> 256@4x4 -> 128@8x8 -> 64@16x16 -> 3@32x32; BatchNorm + ReLU between, tanh out.
    public readonly Tensor[] G;
    private readonly Tensor[] bnMean, bnVar;
    // Discriminator: 3@32 -> 64@16 -> 128@8 -> 256@4 -> 1@1, LeakyReLU(0.2) between.
    public readonly Tensor[] D;

    public Dcgan()
    {
        static Tensor W(params long[] shape) => (torch.Randn(shape) * 0.02).RequiresGrad_();
        static Tensor Gamma(long n) => (torch.Randn(n) * 0.02 + 1).RequiresGrad_();
        static Tensor Zeros(long n) => torch.Zeros(new long[] { n }, requiresGrad: true);
        G = new[]
        {
            W(Z, 256, 4, 4), Gamma(256), Zeros(256),
            W(256, 128, 4, 4), Gamma(128), Zeros(128),
            W(128, 64, 4, 4), Gamma(64), Zeros(64),
            W(64, 3, 4, 4), Zeros(3),
        };
        bnMean = new[] { torch.Zeros(256), torch.Zeros(128), torch.Zeros(64) };
        bnVar = new[] { torch.Ones(256), torch.Ones(128), torch.Ones(64) };
        D = new[]
        {
            W(64, 3, 4, 4), Zeros(64),
            W(128, 64, 4, 4), Zeros(128),
            W(256, 128, 4, 4), Zeros(256),
            W(1, 256, 4, 4), Zeros(1),
        };
    }

    // Each intermediate handle is released as soon as the next layer has consumed it, as the C++ twin's
    // reassignment does (autograd keeps what backward needs); the step's dispose scope would free it later.
    private static Tensor Then(Tensor used, Tensor next, Tensor input)
    {
        if (!ReferenceEquals(used, input)) used.Dispose();
        return next;
    }

    public Tensor Generate(Tensor z)
    {
        var h = z;
        for (var i = 0; i < 3; i++)
        {
            h = Then(h, F.ConvTranspose2d(h, G[3 * i], null, i == 0 ? S1 : S2, i == 0 ? P0 : P1), z);
            h = Then(h, F.BatchNorm(h, bnMean[i], bnVar[i], G[3 * i + 1], G[3 * i + 2], training: true, momentum: 0.1, eps: 1e-5), z);
            h = Then(h, F.Relu(h), z);
        }
        h = Then(h, F.ConvTranspose2d(h, G[9], G[10], S2, P1), z);
        return Then(h, F.Tanh(h), z);
    }

    public Tensor Discriminate(Tensor x)
    {
        var h = x;
        for (var i = 0; i < 3; i++)
        {
            h = Then(h, F.Conv2d(h, D[2 * i], D[2 * i + 1], S2, P1), x);
            h = Then(h, F.LeakyRelu(h, 0.2), x);
        }
        h = Then(h, F.Conv2d(h, D[6], D[7], S1, P0), x);
        return Then(h, h.Flatten(), x);
    }
}
