namespace GameDrift.Torch.Tests.Optim;

public class OptimizerTests
{
    public static TheoryData<string> Kinds => new() { "sgd", "nesterov", "adam", "amsgrad", "adamw", "rmsprop" };

    private static optim.Optimizer Make(string kind, IEnumerable<Tensor> ps, double lr = 0.05) => kind switch
    {
        "sgd" => new optim.SGD(ps, lr, momentum: 0.9, dampening: 0.1, weightDecay: 0.01),
        "nesterov" => new optim.SGD(ps, lr, momentum: 0.9, nesterov: true),
        "adam" => new optim.Adam(ps, lr, betas: (0.5, 0.999), weightDecay: 0.01),
        "amsgrad" => new optim.Adam(ps, lr, amsgrad: true),
        "adamw" => new optim.AdamW(ps, lr),
        "rmsprop" => new optim.RMSprop(ps, lr, momentum: 0.5, centered: true),
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void StepWithGivenGradientsEqualsStepFromGrad(string kind)
    {
        var a = Quadratic.NewParameters();
        var b = Quadratic.NewParameters();
        using var optA = Make(kind, a);
        using var optB = Make(kind, b);
        for (var i = 0; i < 5; i++)
        {
            using var scope = torch.NewDisposeScope();
            optA.ZeroGrad();
            Quadratic.Loss(a).Backward();
            optA.Step();
            optB.Step(Autograd.Grad(Quadratic.Loss(b), b));
            Assert.Null(b[0].Grad);
            Assert.Equal(Quadratic.Values(a), Quadratic.Values(b));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void StateDictRoundTripThroughAFileContinuesIdentically(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gd-optim-{kind}-{Guid.NewGuid():N}.pt");
        var a = Quadratic.NewParameters();
        using var optA = Make(kind, a);
        void Train(optim.Optimizer opt, Tensor[] p)
        {
            for (var i = 0; i < 3; i++)
            {
                using var scope = torch.NewDisposeScope();
                opt.Step(Autograd.Grad(Quadratic.Loss(p), p));
            }
        }
        try
        {
            Train(optA, a);
            using (var scope = torch.NewDisposeScope()) torch.Save(optA.StateDict(), path);
            var b = Quadratic.NewParameters(Quadratic.Values(a));
            using var optB = Make(kind, b, lr: 0.9); // the loaded hyper-parameters replace these
            using (var scope = torch.NewDisposeScope()) optB.LoadStateDict(torch.Load(path));
            Assert.Equal(0.05, optB.LearningRate);
            Assert.Equal(3, optB.State(1)!.Step);
            Train(optA, a);
            Train(optB, b);
            Assert.Equal(Quadratic.Values(a), Quadratic.Values(b));
            Assert.NotEqual(Quadratic.Start, Quadratic.Values(b));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StateDictUsesReadableNames()
    {
        var p = Quadratic.NewParameters();
        using var opt = new optim.Adam(p, lr: 0.01, amsgrad: true);
        using var scope = torch.NewDisposeScope();
        opt.Step(new Tensor?[] { torch.Tensor(1.0), null });
        var sd = opt.StateDict();
        Assert.Equal(new[]
        {
            "param_groups.0.params", "param_groups.0.lr", "param_groups.0.beta1", "param_groups.0.beta2", "param_groups.0.eps",
            "param_groups.0.weight_decay", "param_groups.0.amsgrad", "param_groups.0.maximize",
            "state.0.step", "state.0.exp_avg", "state.0.exp_avg_sq", "state.0.max_exp_avg_sq",
        }, sd.Keys);
        Assert.Equal(new long[] { 0, 1 }, sd["param_groups.0.params"].ToArray<long>());
        Assert.Equal(1L, sd["state.0.step"].ToInt64());
        Assert.Equal(0.1, sd["state.0.exp_avg"].ToDouble(), 15);
        // A snapshot: later steps do not change it.
        opt.Step(new Tensor?[] { torch.Tensor(1.0), null });
        Assert.Equal(0.1, sd["state.0.exp_avg"].ToDouble(), 15);
    }

    [Fact]
    public void LoadStateDictNamesBadKeys()
    {
        var p = Quadratic.NewParameters();
        using var opt = new optim.SGD(p, 0.1, momentum: 0.9);
        using var scope = torch.NewDisposeScope();
        opt.Step(new Tensor?[] { torch.Tensor(1.0), torch.Tensor(2.0) });
        var before = opt.State(0)!.Tensors["momentum_buffer"].ToDouble();

        var missing = opt.StateDict();
        missing.Remove("param_groups.0.momentum");
        Assert.Contains("\"param_groups.0.momentum\"", Assert.Throws<ArgumentException>(() => opt.LoadStateDict(missing)).Message);

        var unexpected = opt.StateDict();
        unexpected["state.7.momentum_buffer"] = torch.Tensor(0.0);
        Assert.Contains("\"state.7.momentum_buffer\"", Assert.Throws<ArgumentException>(() => opt.LoadStateDict(unexpected)).Message);

        var wrongShape = opt.StateDict();
        wrongShape["state.1.momentum_buffer"] = torch.Zeros(new long[] { 3 }, ScalarType.Float64);
        Assert.Contains("\"state.1.momentum_buffer\"", Assert.Throws<ArgumentException>(() => opt.LoadStateDict(wrongShape)).Message);

        var badValue = opt.StateDict();
        badValue["param_groups.0.lr"] = torch.Tensor(-1.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => opt.LoadStateDict(badValue));
        Assert.Equal(0.1, opt.LearningRate);

        using var other = new optim.SGD(new[] { p[0] }, 0.1);
        Assert.Contains("group 0", Assert.Throws<ArgumentException>(() => other.LoadStateDict(opt.StateDict())).Message);
        Assert.Equal(before, opt.State(0)!.Tensors["momentum_buffer"].ToDouble());
    }

    [Fact]
    public void NullGradientsSkipTheirParameter()
    {
        var p = Quadratic.NewParameters();
        using var opt = new optim.Adam(p, lr: 0.1);
        using var scope = torch.NewDisposeScope();
        opt.Step(new Tensor?[] { torch.Tensor(1.0), null });
        Assert.Equal(-2.0, p[1].ToDouble());
        Assert.Null(opt.State(1));
        Assert.Equal(1.0 - 0.1 / (1 + 1e-8), p[0].ToDouble(), 12);
        opt.Step(); // no .Grad anywhere: nothing happens
        Assert.Equal(1, opt.State(0)!.Step);
    }

    [Fact]
    public void ParameterGroupsHaveTheirOwnLearningRates()
    {
        var p = Quadratic.NewParameters();
        using var opt = new optim.SGD(new[] { p[0] }, lr: 0.1);
        opt.AddParamGroup(new[] { p[1] }, o => o.LearningRate = 1.0);
        Assert.Equal(2, opt.ParamGroups.Count);
        Assert.Same(p[1], opt.Parameters[1]);
        Assert.Throws<InvalidOperationException>(() => opt.LearningRate);
        using var scope = torch.NewDisposeScope();
        opt.Step(new Tensor?[] { torch.Tensor(1.0), torch.Tensor(1.0) });
        Close.Equal(new[] { 0.9, -3.0 }, Quadratic.Values(p), 1e-15);
        opt.LearningRate = 0.5;
        Assert.Equal(0.5, opt.GroupOptions(1).LearningRate);
        opt.ParamGroups[0].LearningRate = 0.25;
        opt.Step(new Tensor?[] { torch.Tensor(1.0), torch.Tensor(1.0) });
        Close.Equal(new[] { 0.65, -3.5 }, Quadratic.Values(p), 1e-15);
    }

    [Fact]
    public void ZeroGradDropsGradients()
    {
        var p = Quadratic.NewParameters();
        using var opt = new optim.SGD(p, 0.1);
        using var scope = torch.NewDisposeScope();
        Quadratic.Loss(p).Backward();
        Assert.NotNull(p[0].Grad);
        opt.ZeroGrad();
        Assert.Null(p[0].Grad);
        Assert.Null(p[1].Grad);
    }

    [Fact]
    public void InvalidConfigurationsAreRejected()
    {
        var p = Quadratic.NewParameters();
        Assert.Throws<ArgumentException>(() => new optim.SGD(p, 0.1, nesterov: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new optim.SGD(p, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new optim.Adam(p, betas: (1.0, 0.9)));
        Assert.Throws<ArgumentException>(() => new optim.Adam(new[] { p[0], p[0] }));
        Assert.Throws<ArgumentException>(() => new optim.Adam(Array.Empty<Tensor>()));
        using var opt = new optim.Adam(p);
        Assert.Throws<ArgumentException>(() => opt.AddParamGroup(new[] { p[1] }));
        using var scope = torch.NewDisposeScope();
        Assert.Throws<ArgumentException>(() => opt.Step(new Tensor?[] { torch.Tensor(1.0) }));
        Assert.Contains("gradient 1", Assert.Throws<ArgumentException>(() => opt.Step(new Tensor?[] { torch.Tensor(1.0), torch.Zeros(2) })).Message);
    }

    [Fact]
    public void StepLeaksNothingIntoTheCallersScopeAndStateOutlivesIt()
    {
        var p = Quadratic.NewParameters();
        using var opt = new optim.RMSprop(p, momentum: 0.9, centered: true);
        Tensor squareAvg;
        using (var scope = torch.NewDisposeScope())
        {
            var grads = Autograd.Grad(Quadratic.Loss(p), p);
            var count = scope.Count;
            opt.Step(grads);
            opt.Step();
            Assert.Equal(count, scope.Count);
            squareAvg = opt.State(0)!.Tensors["square_avg"];
        }
        Assert.False(squareAvg.IsDisposed);
        using (var scope = torch.NewDisposeScope()) opt.Step(Autograd.Grad(Quadratic.Loss(p), p));
        opt.Dispose();
        Assert.True(squareAvg.IsDisposed);
    }
}
