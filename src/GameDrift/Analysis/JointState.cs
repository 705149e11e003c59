using GameDrift.Games;
using GameDrift.Torch;

namespace GameDrift.Analysis;

/// <summary>Conversions between the joint vector z = (phi, theta) and the two players' tensors.</summary>
public static class JointState
{
    /// <summary>phi and theta as float64 tensors of shape [PhiDim], [ThetaDim] from z = (phi, theta).</summary>
    public static (Tensor Phi, Tensor Theta) Split(IVectorFieldGame game, ReadOnlySpan<double> z)
    {
        Check(game, z.Length);
        return (torch.Tensor<double>(z[..game.PhiDim].ToArray()), torch.Tensor<double>(z[game.PhiDim..].ToArray()));
    }

    /// <summary>Batched split: rows of z (shape [B, d]) into phi [B, PhiDim] and theta [B, ThetaDim].</summary>
    public static (Tensor Phi, Tensor Theta) Split(IVectorFieldGame game, Tensor z) =>
        (z.Narrow(-1, 0, game.PhiDim), z.Narrow(-1, game.PhiDim, game.ThetaDim));

    /// <summary>cat(phi, theta) along the last dimension.</summary>
    public static Tensor Join(Tensor phi, Tensor theta) => torch.Cat(new[] { phi, theta }, -1);

    /// <summary>The joint field (f, g) at one point as a plain array.</summary>
    public static double[] FieldAt(IVectorFieldGame game, ReadOnlySpan<double> z)
    {
        using var scope = torch.NewDisposeScope();
        var (phi, theta) = Split(game, z);
        var (f, g) = game.Field(phi, theta);
        return Join(f, g).ToArray<double>();
    }

    /// <summary>The equilibrium, or a clear error when the game has none in closed form.</summary>
    public static double[] RequireEquilibrium(IVectorFieldGame game) =>
        game.Equilibrium ?? throw new ArgumentException($"game '{game.Name}' has no known equilibrium");

    internal static void Check(IVectorFieldGame game, int length)
    {
        if (length != game.PhiDim + game.ThetaDim)
            throw new ArgumentException(
                $"game '{game.Name}' has {game.PhiDim} + {game.ThetaDim} parameters but the point has {length}");
    }
}
