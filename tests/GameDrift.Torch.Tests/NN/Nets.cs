namespace GameDrift.Torch.Tests.NN;

/// <summary>Small networks shared by the tests.</summary>
internal static class Nets
{
    /// <summary>DCGAN-style generator: (N, 16, 1, 1) → (N, 3, 8, 8).</summary>
    public static nn.Sequential Generator(Generator? g = null) => new(
        new nn.ConvTranspose2d(16, 32, 4, stride: 1, padding: 0, bias: false, generator: g),
        new nn.BatchNorm2d(32),
        new nn.ReLU(),
        new nn.ConvTranspose2d(32, 3, 4, stride: 2, padding: 1, bias: false, generator: g),
        new nn.Tanh());

    /// <summary>DCGAN-style discriminator: (N, 3, 8, 8) → (N, 1) logits.</summary>
    public static nn.Sequential Discriminator(Generator? g = null) => new(
        new nn.Conv2d(3, 8, 4, stride: 2, padding: 1, generator: g),
        new nn.LeakyReLU(0.2),
        new nn.Conv2d(8, 1, 4, stride: 1, padding: 0, generator: g),
        new nn.Flatten());
}

/// <summary>A custom module with a submodule and a parameter of its own.</summary>
internal sealed class Critic : nn.Module
{
    public Critic(Generator? g = null)
    {
        Scale = RegisterParameter("scale", torch.Ones(1));
        Net = RegisterModule("net", new nn.Sequential(new nn.Linear(2, 4, generator: g), new nn.ReLU(), new nn.Linear(4, 1, generator: g)));
    }

    public Tensor Scale { get; }
    public nn.Sequential Net { get; }

    public override Tensor Forward(Tensor input)
    {
        using var h = Net.Forward(input);
        return h * Scale;
    }
}
