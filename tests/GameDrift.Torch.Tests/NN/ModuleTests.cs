namespace GameDrift.Torch.Tests.NN;

public class ModuleTests
{
    [Fact]
    public void DcganSequentialNamesAndCountsItsParameters()
    {
        using var g = Nets.Generator();
        Assert.Equal(new[] { "0.weight", "1.weight", "1.bias", "3.weight" }, g.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "1.running_mean", "1.running_var", "1.num_batches_tracked" }, g.NamedBuffers().Select(b => b.Name));
        // 16·32·4·4 + 2·32 + 32·3·4·4
        Assert.Equal(8192 + 64 + 1536, g.ParameterCount);
        Assert.Equal(5, g.Children().Count());
        Assert.Equal(6, g.Modules().Count());
        Assert.Same(((nn.BatchNorm2d)g[1]).Bias, g.GetParameter("1.bias"));

        using var d = Nets.Discriminator();
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, d.NamedParameters().Select(p => p.Name));
        Assert.Equal(3 * 8 * 16 + 8 + 8 * 16 + 1, d.ParameterCount);

        using var scope = torch.NewDisposeScope();
        var z = torch.Randn(2, 16, 1, 1);
        var img = g.Forward(z);
        Assert.Equal(new long[] { 2, 3, 8, 8 }, img.Shape);
        Assert.Equal(new long[] { 2, 1 }, d.Forward(img).Shape);
    }

    [Fact]
    public void NestedModulesUseDottedNamesAndOwnParametersComeFirst()
    {
        using var c = new Critic();
        Assert.Equal(new[] { "scale", "net.0.weight", "net.0.bias", "net.2.weight", "net.2.bias" }, c.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "", "net", "net.0", "net.1", "net.2" }, c.NamedModules().Select(m => m.Name));
        Assert.Same(((nn.Linear)c.Net[2]).Bias, c.GetParameter("net.2.bias"));
        Assert.Same(c.Net[0], c.GetModule("net.0"));
        Assert.Equal(new[] { "scale" }, c.NamedParameters(recurse: false).Select(p => p.Name));
        Assert.Throws<KeyNotFoundException>(() => c.GetParameter("net.5.weight"));
        Assert.Equal(1 + 2 * 4 + 4 + 4 + 1, c.ParameterCount);
        Assert.Contains("(net): Sequential(", c.ToString());
        Assert.Contains("(0): Linear(in_features=2, out_features=4, bias=True)", c.ToString());
    }

    [Fact]
    public void SharedModulesAreListedOnceButStoredUnderEachName()
    {
        using var shared = new nn.Linear(3, 3);
        var s = new nn.Sequential(shared, new nn.ReLU(), shared);
        Assert.Equal(new[] { "0.weight", "0.bias" }, s.NamedParameters().Select(p => p.Name));
        Assert.Equal(12, s.ParameterCount);
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, s.StateDict().Keys);
    }

    [Fact]
    public void RegistrationRejectsBadNamesDuplicatesAndNonLeaves()
    {
        using var c = new Critic();
        Assert.Throws<ArgumentException>(() => c.RegisterParameter("scale", torch.Ones(1)));
        Assert.Throws<ArgumentException>(() => c.RegisterBuffer("net", torch.Ones(1)));
        Assert.Throws<ArgumentException>(() => c.RegisterParameter("a.b", torch.Ones(1)));
        using var x = torch.Ones(2).RequiresGrad_();
        using var y = x * 2;
        Assert.Throws<ArgumentException>(() => c.RegisterParameter("y", y));
        Assert.Throws<ArgumentException>(() => c.RegisterParameter("i", torch.Zeros(new long[] { 2 }, ScalarType.Int64)));
    }

    [Fact]
    public void ParametersSurviveTheDisposeScopeTheyWereCreatedIn()
    {
        nn.Sequential d;
        Tensor tmp;
        using (torch.NewDisposeScope())
        {
            d = Nets.Discriminator();
            tmp = torch.Zeros(1);
        }
        Assert.True(tmp.IsDisposed);
        Assert.All(d.Parameters(), p => Assert.False(p.IsDisposed));
        Assert.True(d.Parameters().All(p => p.RequiresGrad && p.IsLeaf));
        var w = d.GetParameter("0.weight");
        d.Dispose();
        Assert.True(w.IsDisposed);
    }

    [Fact]
    public void TrainAndEvalSwitchBatchNormToRunningStatistics()
    {
        using var bn = new nn.BatchNorm1d(3);
        var net = new nn.Sequential(bn);
        using var scope = torch.NewDisposeScope();
        var x = torch.Randn(new long[] { 64, 3 }, new Generator(1), ScalarType.Float32) * 2 + 5;
        Assert.True(bn.IsTraining);
        var y = net.Forward(x);
        // Training: normalised with the batch statistics.
        Assert.True(y.Mean(0).Abs().Max().ToDouble() < 1e-5);
        // Running statistics moved 10% of the way to the batch ones (unbiased variance).
        var expectedMean = x.Mean(0) * 0.1;
        var expectedVar = x.Var(0) * 0.1 + 0.9;
        Assert.True(bn.RunningMean!.AllClose(expectedMean, 1e-5, 1e-6));
        Assert.True(bn.RunningVar!.AllClose(expectedVar, 1e-5, 1e-6));
        Assert.Equal(1L, bn.NumBatchesTracked!.ToInt64());

        net.Eval();
        Assert.False(bn.IsTraining);
        var before = bn.RunningMean!.ToArray<float>();
        var e = net.Forward(x);
        var manual = (x - bn.RunningMean) / (bn.RunningVar + 1e-5).Sqrt() * bn.Weight! + bn.Bias!;
        Assert.True(e.AllClose(manual, 1e-5, 1e-5));
        Assert.Equal(before, bn.RunningMean!.ToArray<float>());
        Assert.Equal(1L, bn.NumBatchesTracked!.ToInt64());

        net.Train();
        Assert.True(bn.IsTraining);
    }

    [Fact]
    public void BatchNormWithoutMomentumKeepsACumulativeAverage()
    {
        using var bn = new nn.BatchNorm1d(2, momentum: null);
        using var scope = torch.NewDisposeScope();
        var a = torch.Randn(new long[] { 16, 2 }, new Generator(2));
        var b = torch.Randn(new long[] { 16, 2 }, new Generator(3)) + 3;
        bn.Forward(a);
        bn.Forward(b);
        var expected = (a.Mean(0) + b.Mean(0)) / 2;
        Assert.True(bn.RunningMean!.AllClose(expected, 1e-5, 1e-6));
        Assert.Equal(2L, bn.NumBatchesTracked!.ToInt64());
    }

    [Fact]
    public void TrainAndEvalSwitchDropout()
    {
        var net = new nn.Sequential(new nn.Dropout(0.5));
        using var scope = torch.NewDisposeScope();
        var x = torch.Ones(1000);
        var y = net.Forward(x).ToArray<float>();
        Assert.All(y, v => Assert.True(v == 0 || v == 2));
        Assert.InRange(y.Count(v => v == 0), 400, 600);
        net.Eval();
        Assert.Equal(x.ToArray<float>(), net.Forward(x).ToArray<float>());
    }

    [Fact]
    public void StateDictRoundTripThroughAFileIsBitExact()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gd-module-{Guid.NewGuid():N}.pt");
        try
        {
            using var g1 = Nets.Generator(new Generator(1));
            using var g2 = Nets.Generator(new Generator(2));
            using (torch.NewDisposeScope())
                g1.Forward(torch.Randn(4, 16, 1, 1)); // moves the running statistics away from their defaults
            g1.Save(path);
            Assert.False(g1.GetParameter("0.weight").Equal(g2.GetParameter("0.weight")));
            g2.Load(path);

            using var scope = torch.NewDisposeScope();
            var s1 = g1.StateDict();
            var s2 = g2.StateDict();
            Assert.Equal(s1.Keys, s2.Keys);
            foreach (var (k, t) in s1)
            {
                if (t.DType == ScalarType.Int64) Assert.Equal(t.ToArray<long>(), s2[k].ToArray<long>());
                else Assert.Equal(t.ToArray<float>(), s2[k].ToArray<float>());
            }
            Assert.Equal(1L, g2.GetBuffer("1.num_batches_tracked").ToInt64());
            g1.Eval();
            g2.Eval();
            var z = torch.Randn(2, 16, 1, 1);
            Assert.Equal(g1.Forward(z).ToArray<float>(), g2.Forward(z).ToArray<float>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StateDictIsASnapshot()
    {
        using var lin = new nn.Linear(2, 2);
        using var scope = torch.NewDisposeScope();
        var sd = lin.StateDict();
        var saved = sd["weight"].ToArray<float>();
        using (torch.NoGrad()) lin.Weight.Add_(1.0);
        Assert.Equal(saved, sd["weight"].ToArray<float>());
        lin.LoadStateDict(sd);
        Assert.Equal(saved, lin.Weight.ToArray<float>());
    }

    [Fact]
    public void LoadStateDictNamesMissingUnexpectedAndMismatchedKeys()
    {
        using var d = Nets.Discriminator();
        using var scope = torch.NewDisposeScope();
        var original = d.GetParameter("0.weight").ToArray<float>();

        var missing = d.StateDict();
        missing.Remove("2.bias");
        var ex = Assert.Throws<ArgumentException>(() => d.LoadStateDict(missing));
        Assert.Contains("missing", ex.Message);
        Assert.Contains("\"2.bias\"", ex.Message);

        var unexpected = d.StateDict();
        unexpected["3.weight"] = torch.Zeros(1);
        ex = Assert.Throws<ArgumentException>(() => d.LoadStateDict(unexpected));
        Assert.Contains("unexpected", ex.Message);
        Assert.Contains("\"3.weight\"", ex.Message);

        var wrongShape = d.StateDict();
        wrongShape["0.weight"] = torch.Zeros(8, 3, 3, 3);
        wrongShape["2.weight"] = torch.Zeros(1, 8, 4, 4); // valid, but nothing may be copied when another entry fails
        ex = Assert.Throws<ArgumentException>(() => d.LoadStateDict(wrongShape));
        Assert.Contains("size mismatch for \"0.weight\"", ex.Message);
        Assert.Contains("[8, 3, 3, 3]", ex.Message);
        Assert.Throws<ArgumentException>(() => d.LoadStateDict(wrongShape, strict: false));
        Assert.Equal(original, d.GetParameter("0.weight").ToArray<float>());
        Assert.NotEqual(0.0, d.GetParameter("2.weight").Abs().Sum().ToDouble());

        var result = d.LoadStateDict(missing, strict: false);
        Assert.Equal(new[] { "2.bias" }, result.MissingKeys);
        Assert.Empty(result.UnexpectedKeys);
    }

    [Fact]
    public void ToFloat64KeepsParameterObjectsAndValues()
    {
        using var net = new nn.Sequential(new nn.Linear(3, 4), new nn.BatchNorm1d(4));
        var before = net.Parameters().ToList();
        var values = before.Select(p => p.ToArray<double>()).ToList();
        var nbt = net.GetBuffer("1.num_batches_tracked");
        using var opt = new optim.SGD(net.Parameters(), lr: 0.1);
        using (var s = torch.NewDisposeScope()) net.Forward(torch.Randn(5, 3)).Sum().Backward();

        net.To(ScalarType.Float64);

        var after = net.Parameters().ToList();
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Same(before[i], after[i]);
            Assert.Equal(ScalarType.Float64, after[i].DType);
            Assert.Equal(values[i], after[i].ToArray<double>());
            Assert.True(after[i].RequiresGrad && after[i].IsLeaf);
        }
        Assert.Equal(ScalarType.Float64, net.GetBuffer("1.running_mean").DType);
        Assert.Same(nbt, net.GetBuffer("1.num_batches_tracked"));
        Assert.Equal(ScalarType.Int64, nbt.DType);

        using var scope = torch.NewDisposeScope();
        // Gradients were converted along with their parameters.
        Assert.Equal(ScalarType.Float64, before[0].Grad!.DType);
        // The optimiser holds the same objects, so it updates the converted parameters.
        var w0 = before[0].ToArray<double>();
        opt.Step();
        Assert.NotEqual(w0, before[0].ToArray<double>());
        // The module now runs in float64 and gradients reach the same parameters.
        net.ZeroGrad();
        Assert.Null(before[0].Grad);
        net.Forward(torch.Randn(new long[] { 5, 3 }, dtype: ScalarType.Float64)).Sum().Backward();
        Assert.Equal(ScalarType.Float64, before[0].Grad!.DType);
    }

    [Fact]
    public void RequiresGradAndApplyVisitEveryModule()
    {
        using var c = new Critic();
        c.RequiresGrad_(false);
        Assert.All(c.Parameters(), p => Assert.False(p.RequiresGrad));
        var visited = new List<string>();
        c.Apply(m => visited.Add(m.GetType().Name));
        Assert.Equal(new[] { "Linear", "ReLU", "Linear", "Sequential", "Critic" }, visited);
        c.Apply(m => { if (m is nn.Linear l) nn.init.Zeros_(l.Weight); });
        Assert.Equal(0.0, ((nn.Linear)c.Net[0]).Weight.Abs().Sum().ToDouble());
    }
}
