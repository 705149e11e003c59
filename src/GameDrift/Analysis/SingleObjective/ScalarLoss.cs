using System.Globalization;
using GameDrift.Torch;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Analysis.SingleObjective;

/// <summary>A single-objective loss E(theta) on a flat float64 parameter vector, built from tensor ops so that its
/// gradient, Hessian-vector products and third derivatives come from exact autograd.</summary>
public interface IScalarLoss
{
    /// <summary>Short name used on the command line, e.g. "quadratic".</summary>
    string Name { get; }
    int Dim { get; }
    /// <summary>E at theta (shape [Dim]), a scalar tensor on theta's graph.</summary>
    Tensor Value(Tensor theta);
}

/// <summary>E(theta) = ½ thetaᵀ A theta with a symmetric A, so the Hessian is A everywhere (spec §9.2, T9).</summary>
public sealed class QuadraticLoss : IScalarLoss
{
    public QuadraticLoss(Matrix<double> hessian)
    {
        if (hessian.RowCount != hessian.ColumnCount || hessian.RowCount == 0)
            throw new ArgumentException("the Hessian must be a non-empty square matrix");
        if (!(hessian - hessian.Transpose()).ForAll(v => Math.Abs(v) <= 1e-12 * Math.Max(1, hessian.L1Norm())))
            throw new ArgumentException("the Hessian must be symmetric");
        Hessian = hessian;
    }

    /// <summary>The diagonal Hessian diag(values).</summary>
    public static QuadraticLoss Diagonal(params double[] values) =>
        new(Matrix<double>.Build.DenseOfDiagonalArray(values));

    /// <summary>Parses "1,0.01" as diag(1, 0.01).</summary>
    public static QuadraticLoss Parse(string text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new ArgumentException("--hessian needs the Hessian's diagonal, e.g. 1,0.01");
        var v = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x : throw new ArgumentException($"--hessian: '{p}' is not a finite number")).ToArray();
        return Diagonal(v);
    }

    public Matrix<double> Hessian { get; }
    public string Name => "quadratic";
    public int Dim => Hessian.RowCount;

    public Tensor Value(Tensor theta)
    {
        using var a = torch.Tensor(Hessian.ToArray());
        using var at = a.Matmul(theta);
        return 0.5 * theta.Dot(at);
    }
}

/// <summary>The two-parameter model of [IGR] §8.2 and spec T1/T8: E(a, b) = ½(y - a b x)², x = 2, y = 1.5 by default.
/// Not quadratic: its Hessian changes along a path.</summary>
public sealed class ProductLoss(double x = 2, double y = 1.5) : IScalarLoss
{
    public string Name => "product";
    public int Dim => 2;
    public double X { get; } = x;
    public double Y { get; } = y;

    public Tensor Value(Tensor theta)
    {
        using var a = theta.Narrow(0, 0, 1);
        using var b = theta.Narrow(0, 1, 1);
        using var r = Y - a * b * X;
        return (0.5 * r.Square()).Sum();
    }
}
