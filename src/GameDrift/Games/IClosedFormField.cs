namespace GameDrift.Games;

/// <summary>A flat-vector game whose field and tangent map are also written out in plain float64 arithmetic,
/// so large toy sweeps can run without building tensor graphs. Must agree with <see cref="IVectorFieldGame.Field"/>
/// to rounding.</summary>
public interface IClosedFormField : IVectorFieldGame
{
    /// <summary>f and g at one point.</summary>
    void Field(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, Span<double> f, Span<double> g);

    /// <summary>The Jacobian of (f, g) at (phi, theta) applied to the tangent (dPhi, dTheta).</summary>
    void Jvp(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> dPhi, ReadOnlySpan<double> dTheta,
        Span<double> df, Span<double> dg);

    /// <summary>Field and tangent map together; games override it to share work (e.g. one sigmoid).</summary>
    void FieldAndJvp(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> dPhi, ReadOnlySpan<double> dTheta,
        Span<double> f, Span<double> g, Span<double> df, Span<double> dg)
    {
        Field(phi, theta, f, g);
        Jvp(phi, theta, dPhi, dTheta, df, dg);
    }
}
