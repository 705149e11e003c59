using System.Globalization;
using GameDrift.Analysis.SingleObjective;
using GameDrift.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace GameDrift.Tests.ContinuousTime;

/// <summary>Spec §9.2 (the principal flow, T9) and §9.1 (T8, the third-order flow).</summary>
public class PrincipalFlowTests
{
    private static readonly double[] Start = { -0.35, -0.2 };

    private static double[] Gd(IScalarLoss loss, double h, double[] start, int steps)
    {
        var z = start;
        for (int n = 0; n < steps; n++) z = GdFlows.GdStep(loss, h, z);
        return z;
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(1.05)]
    [InlineData(1.5)]
    [InlineData(2.1)]
    public void ClosedFormPfEqualsGdAfterSevenSteps(double h)
    {
        var loss = QuadraticLoss.Diagonal(1, 0.01);
        var gd = Gd(loss, h, Start, 7);
        var pf = PrincipalFlow.Quadratic(loss.Hessian, Start, h, 7 * h);
        for (int i = 0; i < 2; i++)
        {
            Assert.InRange(Math.Abs(pf[i].Real - gd[i]), 0, 1e-12);
            Assert.InRange(Math.Abs(pf[i].Imaginary), 0, 1e-12);
        }
        // Between iterates the flow is complex exactly when some h·λ > 1 (here λ = 1).
        var mid = PrincipalFlow.Quadratic(loss.Hessian, Start, h, 0.5 * h);
        Assert.Equal(h > 1, Math.Abs(mid[0].Imaginary) > 1e-6);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.5)]
    [InlineData(2.1)]
    public void IntegratedPfWithReevaluatedHessianFollowsGdOnARotatedQuadratic(double h)
    {
        // A non-diagonal Hessian (rotation by 0.6 rad of diag(1, 0.2)): the generic path (autograd Hessian, eigenbasis,
        // complex RK4) has no closed form to lean on; on a quadratic its only error is RK4's.
        var q = Matrix<double>.Build.DenseOfArray(new[,] { { Math.Cos(0.6), -Math.Sin(0.6) }, { Math.Sin(0.6), Math.Cos(0.6) } });
        var loss = new QuadraticLoss(q * Matrix<double>.Build.DenseOfDiagonalArray(new[] { 1.0, 0.2 }) * q.Transpose());
        var pf = PrincipalFlow.Integrate(loss, h, Start, 5 * h, 5 * 100);
        var gd = Gd(loss, h, Start, 5);
        for (int i = 0; i < 2; i++) Assert.InRange(Math.Abs(pf[i].Real - gd[i]), 0, 5e-8); // measured: 1.2e-8 at h = 2.1
    }

    [Fact]
    public void StabilityCoefficientSignsFollowTheEdgeOfStability()
    {
        Assert.True(PrincipalFlow.Rate(0.5, 1).Real < 0 && PrincipalFlow.Rate(0.5, 1).Imaginary == 0);
        var osc = PrincipalFlow.Rate(1.5, 1);
        Assert.True(osc.Real < 0);
        Assert.Equal(Math.PI / 1.5, osc.Imaginary, 12);
        Assert.Equal(0, PrincipalFlow.Rate(2, 1).Real, 12);
        Assert.True(PrincipalFlow.Rate(2.1, 1).Real > 0);
        // log(1 + h|λ|)/h escape rate for negative curvature.
        Assert.Equal(Math.Log(1.5) / 0.5, PrincipalFlow.Rate(0.5, -1).Real, 12);
    }

    [Fact]
    public void MultiplierMatchesItsTaylorSeries()
    {
        // log(1-x)/x = -(1 + x/2 + x²/3 + x³/4 + ...): the PF sums the H^k g terms of the BEA series (spec §9.2).
        foreach (var x in new[] { 1e-9, 1e-3, 0.05 })
        {
            double series = -(1 + x / 2 + x * x / 3 + x * x * x / 4 + x * x * x * x / 5);
            Assert.InRange(Math.Abs(PrincipalFlow.Multiplier(1, x).Real - series), 0, Math.Max(1e-15, 2 * Math.Pow(x, 5)));
        }
    }

    [Fact]
    public void ThirdOrderFlowSlopeT8()
    {
        var fit = GdOrder.Fit(new ProductLoss(), GdFlow.ThirdOrder, new[] { 0.3, 1.2 }, GdOrder.DefaultSteps);
        Assert.InRange(fit.Slope, 3.9, 4.1);
        Assert.InRange(fit.Errors[^1], 7.0e-7, 8.8e-7); // spec: 7.9e-7 at h = 0.01
    }

    [Fact]
    public void GdFlowSlopesT1AndPrincipalFlowOrder()
    {
        var fits = GdOrder.FitAll(new ProductLoss(), new[] { 0.3, 1.2 }).ToDictionary(f => f.Name, f => f.Fit.Slope);
        Assert.InRange(fits["gradient"], 1.9, 2.1);
        Assert.InRange(fits["igr"], 2.9, 3.1);
        // The PF drops only the ∇³E term at order h², so its local error is O(h³) on a non-quadratic loss.
        Assert.InRange(fits["principal"], 2.9, 3.2);
    }

    [Fact]
    public void PfCommandWritesTheCsvAndThePicture()
    {
        using var dir = new TempDirectory();
        var (code, output) = CliProcess.RunCollecting(TimeSpan.FromMinutes(2), "pf", "--game", "quadratic", "--hessian", "1,0.01",
            "--start", "-0.35,-0.2", "--lr", "1.5", "--steps", "7", "--out", dir.Path);
        Assert.True(code == 0, output);
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "pf.csv"));
        Assert.Equal("step,gd_1,gd_2,pf_1,pf_2", lines[0]);
        Assert.Equal(8, lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var v = line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            Assert.InRange(Math.Abs(v[1] - v[3]), 0, 1e-12);
            Assert.InRange(Math.Abs(v[2] - v[4]), 0, 1e-12);
        }
        Assert.True(new FileInfo(Path.Combine(dir.Path, "pf.png")).Length > 1000);
        var (bad, message) = CliProcess.RunCollecting(TimeSpan.FromMinutes(1), "pf", "--game", "dirac", "--out", dir.Path);
        Assert.Equal(2, bad);
        Assert.Contains("single objectives", message);
    }
}
