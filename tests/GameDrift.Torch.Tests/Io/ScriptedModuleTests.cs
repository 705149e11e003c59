using GameDrift.Torch.nn;

namespace GameDrift.Torch.Tests;

/// <summary>ScriptedModule against what PyTorch computed: Fixtures/scripted/{G,D}.pt are a small DCGAN-like pair written
/// by scripts/make_scripted_networks.py (see Fixture.cs), expected.pt holds their named parameters and buffers, fixed
/// inputs and PyTorch's outputs for them, in training mode and then in evaluation mode.</summary>
public class ScriptedModuleTests
{
    private static string G => Fixture.Path("scripted/G.pt");
    private static string D => Fixture.Path("scripted/D.pt");

    private static Dictionary<string, Tensor> Expected() => torch.Load(Fixture.Path("scripted/expected.pt"));

    private static void AssertClose(Tensor expected, Tensor actual, double tol, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        using var e = expected.To(ScalarType.Float64);
        using var a = actual.Detach().To(ScalarType.Float64);
        var (ev, av) = (e.ToArray<double>(), a.ToArray<double>());
        for (var i = 0; i < ev.Length; i++)
            Assert.True(Math.Abs(ev[i] - av[i]) <= tol * Math.Max(1, Math.Abs(ev[i])), $"{what}[{i}]: PyTorch {ev[i]:R}, here {av[i]:R}");
    }

    [Theory]
    [InlineData("g")]
    [InlineData("d")]
    public void ParametersAndBuffersAreThoseOfThePythonModule(string which)
    {
        using var scope = torch.NewDisposeScope();
        var expected = Expected();
        using var m = new ScriptedModule(which == "g" ? G : D);
        string[] Keys(string kind) => expected.Keys.Where(k => k.StartsWith($"{which}.{kind}.")).Select(k => k[$"{which}.{kind}.".Length..]).ToArray();
        Assert.Equal(Keys("param"), m.NamedParameters().Select(p => p.Name).ToArray());
        Assert.Equal(Keys("buffer"), m.NamedBuffers().Select(b => b.Name).ToArray());
        foreach (var (name, p) in m.NamedParameters())
        {
            Assert.True(p.RequiresGrad && p.IsLeaf, name);
            AssertClose(expected[$"{which}.param.{name}"], p, 0, name);
        }
        foreach (var (name, b) in m.NamedBuffers()) AssertClose(expected[$"{which}.buffer.{name}"], b, 0, name);
        Assert.Equal(expected.Keys.Where(k => k.StartsWith($"{which}.param.")).Sum(k => expected[k].NumberOfElements), m.ParameterCount);
    }

    [Fact]
    public void ForwardEqualsPyTorchInTrainingAndEvaluationMode()
    {
        using var scope = torch.NewDisposeScope();
        var e = Expected();
        using var g = new ScriptedModule(G);
        using var d = new ScriptedModule(D);
        Assert.True(g.IsTraining);
        using (torch.NoGrad())
        {
            AssertClose(e["g_train"], g.Forward(e["z"]), 1e-5, "G train"); // batch statistics; running ones updated
            AssertClose(e["d_train"], d.Forward(e["x"]), 1e-5, "D train");
            g.Eval();
            d.Eval();
            AssertClose(e["g_eval"], g.Forward(e["z"]), 1e-5, "G eval"); // the running statistics the train pass left
            AssertClose(e["d_eval"], d.Forward(e["x"]), 1e-5, "D eval");
        }
        // The batch-norm buffers seen from C# are the script's own: the train pass moved them off their saved values.
        Assert.NotEqual(e["g.buffer.main.0.running_mean"].ToArray<float>(), g.GetBuffer("main.0.running_mean").ToArray<float>());
        Assert.Equal(1L, g.GetBuffer("main.0.num_batches_tracked").ToInt64());
    }

    [Fact]
    public void AFunctionalCallRunsTheScriptAtTheSubstitutes()
    {
        // Tensor.Substitute (a GAN evaluated at other parameters): the script computes at the substitutes, gradients are
        // theirs, and the next plain call is at the module's own parameters again.
        using var scope = torch.NewDisposeScope();
        using var d = new ScriptedModule(D);
        d.Eval(); // no batch statistics: the same input gives the same output
        var x = torch.Randn(3, 1, 8, 8);
        var own = d.Parameters().ToArray();
        var other = own.Select(p => (p.Detach() * 0.5 + 0.01).RequiresGrad_()).ToArray();
        Tensor y;
        using (Tensor.Substitute(own, other)) y = d.Forward(x);
        var grads = Autograd.Grad(y.Sum(), own.Concat(other).ToArray(), allowUnused: true);
        Assert.All(grads[..own.Length], g => Assert.Null(g));
        Assert.All(grads[own.Length..], g => Assert.NotNull(g));
        var atOwn = d.Forward(x).Detach();
        Assert.NotEqual(atOwn.ToArray<float>(), y.Detach().ToArray<float>());
        using (torch.NoGrad())
            foreach (var (p, v) in own.Zip(other)) p.Copy_(v);
        AssertClose(d.Forward(x), y, 1e-6, "D at the substitutes");
    }

    [Fact]
    public void ParametersShareStorageWithTheScript()
    {
        // Zeroing the last layer's weight leaves D(x) = its bias for every image: the script reads the C# tensors.
        using var scope = torch.NewDisposeScope();
        using var d = new ScriptedModule(D);
        using (torch.NoGrad())
        {
            d.GetParameter("main.5.weight").Zero_();
            d.GetParameter("main.5.bias").Fill_(0.25);
            var y = d.Forward(torch.Randn(3, 1, 8, 8));
            Assert.Equal(new[] { 0.25f, 0.25f, 0.25f }, y.ToArray<float>());
        }
    }

    [Fact]
    public void GradientOfAGradientNormMatchesFiniteDifferences()
    {
        // f(θ) = ‖∇_φ mean D_φ(G_θ(z))‖², the kind of term the drift regularisers add (double backpropagation through
        // both scripts). Its gradient along a direction v equals the central difference (f(θ+εv) − f(θ−εv)) / 2ε.
        using var scope = torch.NewDisposeScope();
        using var g = new ScriptedModule(G);
        using var d = new ScriptedModule(D);
        g.To(ScalarType.Float64);
        d.To(ScalarType.Float64);
        using var rng = new Generator(5);
        var z = torch.Randn(new long[] { 4, 4 }, rng, ScalarType.Float64);
        var theta = g.Parameters().ToArray();
        var phi = d.Parameters().ToArray();
        Tensor F()
        {
            var grads = Autograd.Grad(d.Forward(g.Forward(z)).Mean(), phi, createGraph: true);
            return torch.Stack(grads.Select(t => t!.Square().Sum()).ToArray()).Sum();
        }
        var analytic = Autograd.Grad(F(), theta);
        var v = theta.Select(p => torch.Randn(p.Shape, rng, ScalarType.Float64)).ToArray();
        var directional = analytic.Zip(v).Sum(x => x.First!.Mul(x.Second).Sum().ToDouble());
        // Small: the ReLUs make f piecewise smooth, and a wider step (1e-5 here) crosses a kink.
        const double eps = 1e-7;
        double At(double s)
        {
            using (torch.NoGrad()) foreach (var (p, dv) in theta.Zip(v)) p.Add_(dv, s);
            var f = F().ToDouble();
            using (torch.NoGrad()) foreach (var (p, dv) in theta.Zip(v)) p.Add_(dv, -s);
            return f;
        }
        var numeric = (At(eps) - At(-eps)) / (2 * eps);
        Assert.True(Math.Abs(directional) > 1e-8, $"the directional derivative {directional} is too small to test anything");
        Assert.True(Math.Abs(directional - numeric) <= 1e-6 * Math.Max(1, Math.Abs(numeric)), $"autograd {directional:R}, finite differences {numeric:R}");
    }

    [Fact]
    public void ParametersGivenAnotherTensorReachTheScript()
    {
        // ParameterShift (DAL's finite differences) makes each parameter object stand for p + εd without writing p:
        // the script must compute with the shifted tensors, and with the originals again afterwards.
        using var scope = torch.NewDisposeScope();
        using var d = new ScriptedModule(D);
        var x = torch.Randn(2, 1, 8, 8);
        var ps = d.Parameters().ToArray();
        var dirs = ps.Select(p => torch.OnesLike(p)).ToArray();
        using var noGrad = torch.NoGrad();
        var before = d.Forward(x);
        var shifted = optim.ParameterShift.With(ps, dirs, 0.01, () => d.Forward(x));
        foreach (var p in ps) p.Add_(0.01);
        AssertClose(d.Forward(x), shifted, 1e-6, "D(x) at p + 0.01");
        foreach (var p in ps) p.Add_(-0.01);
        AssertClose(before, d.Forward(x), 1e-6, "D(x) after the shift");
        Assert.True(Math.Abs(before.Sub(shifted).Abs().Max().ToDouble()) > 1e-4, "the shift changed nothing");
    }

    [Fact]
    public void SaveWritesTorchScriptWithTheCurrentParameters()
    {
        using var scope = torch.NewDisposeScope();
        var path = Path.Combine(Path.GetTempPath(), $"gd-scripted-{Guid.NewGuid():N}.pt");
        try
        {
            using (var g = new ScriptedModule(G))
            {
                using (torch.NoGrad()) g.GetParameter("project.bias").Add_(0.5);
                g.Eval();
                g.Save(path);
            }
            var e = Expected();
            using var back = new ScriptedModule(path);
            using var want = e["g.param.project.bias"] + 0.5;
            AssertClose(want, back.GetParameter("project.bias"), 0, "project.bias");
            AssertClose(e["g.param.main.2.weight"], back.GetParameter("main.2.weight"), 0, "main.2.weight");
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void StateDictRoundTripsThroughTheScript()
    {
        using var scope = torch.NewDisposeScope();
        using var a = new ScriptedModule(D);
        using var b = new ScriptedModule(D);
        using (torch.NoGrad()) foreach (var p in a.Parameters()) p.Mul_(2);
        b.LoadStateDict(a.StateDict());
        var x = torch.Randn(2, 1, 8, 8);
        using (torch.NoGrad()) AssertClose(a.Forward(x), b.Forward(x), 0, "D(x)");
    }

    [Fact]
    public void BadFilesAreOneLineErrorsNamingTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-script.pt");
        var notFound = Assert.Throws<FileNotFoundException>(() => new ScriptedModule(missing));
        Assert.Contains(missing, notFound.Message);
        var garbage = Path.Combine(Path.GetTempPath(), $"gd-garbage-{Guid.NewGuid():N}.pt");
        File.WriteAllText(garbage, "not a zip archive");
        try
        {
            foreach (var bad in new[] { garbage, Fixture.Path("state_dict_py.pt") })
            {
                var e = Assert.Throws<TorchException>(() => new ScriptedModule(bad));
                Assert.DoesNotContain('\n', e.Message);
                Assert.StartsWith($"{Path.GetFullPath(bad)} is not a TorchScript file", e.Message);
            }
        }
        finally { File.Delete(garbage); }
    }

    [Fact]
    public void ForwardErrorsSayWhatWentWrongOnTheirFirstLine()
    {
        using var scope = torch.NewDisposeScope();
        using var d = new ScriptedModule(D);
        var e = Assert.Throws<TorchException>(() => d.Forward(torch.Randn(2, 3, 8, 8)));
        var first = e.Message.Split('\n')[0];
        Assert.StartsWith("D.pt: ", first);
        Assert.Contains("channels", first); // libtorch: "... expected input[2, 3, 8, 8] to have 1 channels ..."
        Assert.Throws<NotSupportedException>(() => d.GetModule("main").Forward(torch.Randn(2, 1, 8, 8)));
        d.Dispose();
        Assert.Throws<ObjectDisposedException>(() => d.Forward(torch.Randn(2, 1, 8, 8)));
    }
}
