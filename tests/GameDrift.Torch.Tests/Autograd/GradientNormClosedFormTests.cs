using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

/// <summary>∇_W ||∇_W L||² by double backprop against a closed form derived by hand, for
/// L = sum(tanh(x W1) W2). The expected values use tensor algebra only, no autograd.</summary>
public class GradientNormClosedFormTests
{
    [Fact]
    public void GradientOfSquaredGradientNormMatchesClosedForm()
    {
        using var scope = torch.NewDisposeScope();
        using var rng = new Rng(21);
        const int n = 5, d = 4, h = 3, k = 2;
        var x = rng.Normal(n, d);
        var w1 = (rng.Normal(d, h) * 0.7).RequiresGrad_();
        var w2 = rng.Normal(h, k).RequiresGrad_();

        var loss = x.Mm(w1).Tanh().Mm(w2).Sum();
        var g = Autograd.Grad(loss, new[] { w1, w2 }, createGraph: true);
        var norm = g[0]!.Square().Sum() + g[1]!.Square().Sum();
        var dn = Autograd.Grad(norm, new[] { w1, w2 });

        // Closed form. A = x W1, T = tanh A, S = 1 - T² (= dT/dA), c = W2 1 (row sums), t = 1ᵀT (column sums).
        //   G2 = ∂L/∂W2 = t ⊗ 1ₖ,        G1 = ∂L/∂W1 = xᵀ (S ⊙ 1 cᵀ) = M diag(c) with M = xᵀ S.
        //   N = ||G1||² + ||G2||² = Σ_aj c_j² M_aj² + k Σ_j t_j².
        //   ∂N/∂W2[j, o] = 2 c_j Σ_a M_aj²                     (N depends on W2 through c only)
        //   ∂N/∂A = 2k (1 tᵀ) ⊙ S − 4 (1 (c²)ᵀ) ⊙ (x M) ⊙ T ⊙ S   (using dS/dA = −2 T S)
        //   ∂N/∂W1 = xᵀ ∂N/∂A.
        using var _ = torch.NoGrad();
        var W1 = w1.Detach();
        var W2 = w2.Detach();
        var T = x.Mm(W1).Tanh();
        var S = 1 - T.Square();
        var c = W2.Sum(1);
        var t = T.Sum(0);
        var M = x.T().Mm(S);
        var ones = torch.Ones(new long[] { n, 1 }, ScalarType.Float64);

        var g1 = M * c;
        var g2 = t.Unsqueeze(1).Expand(h, k);
        AssertClose(g1, g[0]!);
        AssertClose(g2, g[1]!);

        var dA = 2.0 * k * ones.Mm(t.Unsqueeze(0)) * S - 4.0 * ones.Mm(c.Square().Unsqueeze(0)) * x.Mm(M) * T * S;
        var dW1 = x.T().Mm(dA);
        var dW2 = (2 * c * M.Square().Sum(0)).Unsqueeze(1).Expand(h, k);
        AssertClose(dW1, dn[0]!);
        AssertClose(dW2, dn[1]!);
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var e = expected.Contiguous().ToArray<double>();
        var a = actual.ToArray<double>();
        for (var i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= 1e-10 * (1 + Math.Abs(e[i])), $"element {i}: expected {e[i]:R}, autograd {a[i]:R}");
    }
}
