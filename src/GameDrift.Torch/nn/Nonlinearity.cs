namespace GameDrift.Torch.nn;

/// <summary>The activation a layer feeds, for <see cref="init.CalculateGain"/>.</summary>
public enum Nonlinearity
{
    Linear, Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d, Sigmoid, Tanh, ReLU, LeakyReLU, SELU,
}

/// <summary>Which fan the Kaiming initialisers preserve the variance of: forward (FanIn) or backward (FanOut).</summary>
public enum FanMode { FanIn, FanOut }
