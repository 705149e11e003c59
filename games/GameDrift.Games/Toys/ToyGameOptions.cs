namespace GameDrift.Games.Toys;

/// <summary>Parameters of the toy games; each game reads only its own.</summary>
/// <param name="Epsilon1">Rotational game: damping of x (phi).</param>
/// <param name="Epsilon2">Rotational game: damping of y (theta).</param>
/// <param name="Coupling">Bilinear game: B, dim(phi) x dim(theta); null means the scalar B = 1.</param>
public sealed record ToyGameOptions(double Epsilon1 = 0.09, double Epsilon2 = 0.09, double[,]? Coupling = null);
