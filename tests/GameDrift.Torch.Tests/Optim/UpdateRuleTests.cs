namespace GameDrift.Torch.Tests.Optim;

/// <summary>Three steps of each optimiser on <see cref="Quadratic"/> against the paper formulas evaluated in doubles.</summary>
public class UpdateRuleTests
{
    private delegate void Rule(int t, double[] p, double[] g);

    // The expected trajectory: `rule` updates p in place from the gradient at step t = 1, 2, 3.
    private static List<double[]> Expected(Rule rule)
    {
        var p = (double[])Quadratic.Start.Clone();
        var trajectory = new List<double[]>();
        for (var t = 1; t <= 3; t++)
        {
            rule(t, p, Quadratic.Grad(p));
            trajectory.Add((double[])p.Clone());
        }
        return trajectory;
    }

    [Fact]
    public void PlainSgdWithWeightDecay()
    {
        const double lr = 0.1, wd = 0.2;
        var expected = Expected((t, p, g) => { for (var k = 0; k < 2; k++) p[k] -= lr * (g[k] + wd * p[k]); });
        Quadratic.AssertFollows(expected, ps => new optim.SGD(ps, lr, weightDecay: wd));
    }

    [Fact]
    public void SgdWithMomentumAndDampening()
    {
        const double lr = 0.1, mu = 0.9, tau = 0.3;
        var b = new double[2];
        var expected = Expected((t, p, g) =>
        {
            for (var k = 0; k < 2; k++)
            {
                b[k] = t == 1 ? g[k] : mu * b[k] + (1 - tau) * g[k]; // the first buffer is the gradient itself
                p[k] -= lr * b[k];
            }
        });
        Quadratic.AssertFollows(expected, ps => new optim.SGD(ps, lr, momentum: mu, dampening: tau));
    }

    [Fact]
    public void SgdWithNesterovMomentum()
    {
        const double lr = 0.05, mu = 0.8, wd = 0.1;
        var b = new double[2];
        var expected = Expected((t, p, g) =>
        {
            for (var k = 0; k < 2; k++)
            {
                var d = g[k] + wd * p[k];
                b[k] = t == 1 ? d : mu * b[k] + d;
                p[k] -= lr * (d + mu * b[k]);
            }
        });
        Quadratic.AssertFollows(expected, ps => new optim.SGD(ps, lr, momentum: mu, weightDecay: wd, nesterov: true));
    }

    private static Rule AdamRule(double lr, double b1, double b2, double eps, double wd, bool decoupled, bool amsgrad)
    {
        var m = new double[2];
        var v = new double[2];
        var vmax = new double[2];
        return (t, p, g) =>
        {
            for (var k = 0; k < 2; k++)
            {
                var gk = g[k];
                if (decoupled) p[k] *= 1 - lr * wd;
                else gk += wd * p[k];
                m[k] = b1 * m[k] + (1 - b1) * gk;
                v[k] = b2 * v[k] + (1 - b2) * gk * gk;
                vmax[k] = Math.Max(vmax[k], v[k]);
                var mHat = m[k] / (1 - Math.Pow(b1, t));
                var vHat = (amsgrad ? vmax[k] : v[k]) / (1 - Math.Pow(b2, t));
                p[k] -= lr * mHat / (Math.Sqrt(vHat) + eps); // eps after the square root of the corrected moment
            }
        };
    }

    [Fact]
    public void AdamWithBiasCorrectionAndL2Penalty()
    {
        var expected = Expected(AdamRule(0.1, 0.5, 0.9, 1e-3, 0.1, decoupled: false, amsgrad: false));
        Quadratic.AssertFollows(expected, ps => new optim.Adam(ps, lr: 0.1, betas: (0.5, 0.9), eps: 1e-3, weightDecay: 0.1));
    }

    [Fact]
    public void AdamWithAmsgrad()
    {
        var expected = Expected(AdamRule(0.3, 0.9, 0.5, 1e-2, 0, decoupled: false, amsgrad: true));
        Quadratic.AssertFollows(expected, ps => new optim.Adam(ps, lr: 0.3, betas: (0.9, 0.5), eps: 1e-2, amsgrad: true));
    }

    [Fact]
    public void AdamWDecouplesWeightDecay()
    {
        var expected = Expected(AdamRule(0.1, 0.9, 0.999, 1e-8, 0.5, decoupled: true, amsgrad: false));
        Quadratic.AssertFollows(expected, ps => new optim.AdamW(ps, lr: 0.1, weightDecay: 0.5));
    }

    [Fact]
    public void PlainRmsprop()
    {
        const double lr = 0.01, alpha = 0.9, eps = 1e-3;
        var s = new double[2];
        var expected = Expected((t, p, g) =>
        {
            for (var k = 0; k < 2; k++)
            {
                s[k] = alpha * s[k] + (1 - alpha) * g[k] * g[k];
                p[k] -= lr * g[k] / (Math.Sqrt(s[k]) + eps);
            }
        });
        Quadratic.AssertFollows(expected, ps => new optim.RMSprop(ps, lr, alpha: alpha, eps: eps));
    }

    [Fact]
    public void CenteredRmspropWithMomentumAndWeightDecay()
    {
        const double lr = 0.01, alpha = 0.8, eps = 1e-4, mu = 0.7, wd = 0.3;
        var s = new double[2];
        var gAvg = new double[2];
        var b = new double[2];
        var expected = Expected((t, p, g) =>
        {
            for (var k = 0; k < 2; k++)
            {
                var gk = g[k] + wd * p[k];
                s[k] = alpha * s[k] + (1 - alpha) * gk * gk;
                gAvg[k] = alpha * gAvg[k] + (1 - alpha) * gk;
                var a = Math.Sqrt(s[k] - gAvg[k] * gAvg[k]) + eps;
                b[k] = mu * b[k] + gk / a;
                p[k] -= lr * b[k];
            }
        });
        Quadratic.AssertFollows(expected, ps => new optim.RMSprop(ps, lr, alpha: alpha, eps: eps, weightDecay: wd, momentum: mu, centered: true));
    }

    [Fact]
    public void MaximizeAscends()
    {
        const double lr = 0.1;
        var expected = Expected((t, p, g) => { for (var k = 0; k < 2; k++) p[k] += lr * g[k]; });
        Quadratic.AssertFollows(expected, ps => new optim.SGD(ps, lr, maximize: true));
    }
}
