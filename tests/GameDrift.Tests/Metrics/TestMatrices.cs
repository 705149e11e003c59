namespace GameDrift.Tests.Metrics;

/// <summary>Small dense linear algebra for building and checking test cases, row-major.</summary>
internal static class TestMatrices
{
    public static double[] Multiply(double[] a, double[] b, int n)
    {
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int j = 0; j < n; j++)
                    c[i * n + j] += a[i * n + k] * b[k * n + j];
        return c;
    }

    public static double[] Transpose(double[] a, int n)
    {
        var t = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                t[j * n + i] = a[i * n + j];
        return t;
    }

    public static double[] Identity(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = 1;
        return a;
    }

    public static double Trace(double[] a, int n)
    {
        double t = 0;
        for (int i = 0; i < n; i++) t += a[i * n + i];
        return t;
    }

    public static double[] Gaussian(Random rng, int count)
    {
        var x = new double[count];
        for (int i = 0; i < count; i++)
            x[i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return x;
    }

    /// <summary>A random orthogonal matrix: Gram–Schmidt on Gaussian columns.</summary>
    public static double[] RandomRotation(Random rng, int n)
    {
        double[] g = Gaussian(rng, n * n);
        var q = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            var v = new double[n];
            for (int i = 0; i < n; i++) v[i] = g[i * n + j];
            for (int p = 0; p < j; p++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += v[i] * q[i * n + p];
                for (int i = 0; i < n; i++) v[i] -= dot * q[i * n + p];
            }
            double norm = Math.Sqrt(v.Sum(x => x * x));
            for (int i = 0; i < n; i++) q[i * n + j] = v[i] / norm;
        }
        return q;
    }

    /// <summary>Q diag(values) Q^T.</summary>
    public static double[] FromEigen(double[] q, double[] values, int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s += q[i * n + k] * values[k] * q[j * n + k];
                a[i * n + j] = s;
            }
        return a;
    }

    /// <summary>A random covariance of full rank: A A^T / n + small ridge.</summary>
    public static double[] RandomCovariance(Random rng, int n, double ridge = 0.1)
    {
        double[] a = Gaussian(rng, n * n);
        double[] c = Multiply(a, Transpose(a, n), n);
        for (int i = 0; i < c.Length; i++) c[i] /= n;
        for (int i = 0; i < n; i++) c[i * n + i] += ridge;
        return c;
    }

    /// <summary>Inverse by Gauss–Jordan elimination with partial pivoting.</summary>
    public static double[] Inverse(double[] a, int n)
    {
        var m = (double[])a.Clone();
        double[] inv = Identity(n);
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
                if (Math.Abs(m[r * n + col]) > Math.Abs(m[pivot * n + col])) pivot = r;
            if (pivot != col)
                for (int j = 0; j < n; j++)
                {
                    (m[col * n + j], m[pivot * n + j]) = (m[pivot * n + j], m[col * n + j]);
                    (inv[col * n + j], inv[pivot * n + j]) = (inv[pivot * n + j], inv[col * n + j]);
                }
            double d = m[col * n + col];
            for (int j = 0; j < n; j++) { m[col * n + j] /= d; inv[col * n + j] /= d; }
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = m[r * n + col];
                if (f == 0) continue;
                for (int j = 0; j < n; j++) { m[r * n + j] -= f * m[col * n + j]; inv[r * n + j] -= f * inv[col * n + j]; }
            }
        }
        return inv;
    }

    /// <summary>
    /// Principal square root of a (possibly non-symmetric) matrix with positive real spectrum by
    /// the Denman–Beavers iteration: Y ← (Y + Z⁻¹)/2, Z ← (Z + Y⁻¹)/2, Y → √A. This is an
    /// independent route to Tr(√(Σ1Σ2)), like scipy's sqrtm on the non-symmetric product.
    /// </summary>
    public static double[] DenmanBeaversSqrt(double[] a, int n, int iterations = 60)
    {
        var y = (double[])a.Clone();
        double[] z = Identity(n);
        for (int it = 0; it < iterations; it++)
        {
            double[] yInv = Inverse(y, n), zInv = Inverse(z, n);
            for (int i = 0; i < n * n; i++)
            {
                y[i] = 0.5 * (y[i] + zInv[i]);
                z[i] = 0.5 * (z[i] + yInv[i]);
            }
        }
        return y;
    }
}
