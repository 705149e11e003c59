using GameDrift.Torch;

namespace GameDrift.Torch.Tests;

public class TorchScriptTests
{
    [Fact]
    public void ForwardReturnsTheTupleOfTheScriptedModule()
    {
        // Fixtures/make_fixtures.py: forward(x) = (tanh(x @ W), 2 * sum(x @ W, dim=1)), W = [[1, 2], [3, 4], [5, 6]].
        using var m = torch.jit.Load(Fixture.Path("tiny_script.pt"));
        using var x = torch.Tensor(new[,] { { 1f, 0f, -1f }, { 0.5f, 0.5f, 0.5f } });
        var outs = m.Forward(x);
        Assert.Equal(2, outs.Length);
        // x @ W = [[1 - 5, 2 - 6], [4.5, 6]]
        double[] y = { -4, -4, 4.5, 6 };
        Assert.Equal(new long[] { 2, 2 }, outs[0].Shape);
        var tanh = outs[0].ToArray<float>();
        for (var i = 0; i < 4; i++) Assert.Equal(Math.Tanh(y[i]), tanh[i], 6);
        Assert.Equal(new[] { -16f, 21f }, outs[1].ToArray<float>());
        foreach (var o in outs) o.Dispose();
    }

    [Fact]
    public void ScriptErrorsSurfaceAsTorchException()
    {
        using var m = torch.jit.Load(Fixture.Path("tiny_script.pt"));
        using var wrong = torch.Ones(2, 5);
        var ex = Assert.Throws<TorchException>(() => m.Forward(wrong));
        Assert.Contains("shapes cannot be multiplied", ex.Message);
        var missing = Assert.Throws<TorchException>(() => m.Invoke("no_such_method", wrong));
        Assert.Contains("no_such_method", missing.Message);
        using var ok = torch.Ones(1, 3);
        var outs = m.Forward(ok);
        Assert.Equal(new[] { 42f }, outs[1].ToArray<float>()); // 2 * (9 + 12)
        foreach (var o in outs) o.Dispose();
    }

    [Fact]
    public void KeywordAndScalarArgumentsReachTheScript()
    {
        // forward(x, scale: float = 1.0, negate: bool = False, power: int = 1, offset: Optional[Tensor] = None)
        using var m = torch.jit.Load(Fixture.Path("keywords_script.pt"));
        using var x = torch.Tensor(new[] { 1f, 2f });
        using var offset = torch.Tensor(new[] { 0.5f, 0.5f });
        Tensor Only(Tensor[] outs) { Assert.Single(outs); return outs[0]; }
        using (var y = Only(m.Invoke("forward", new object?[] { x })))
            Assert.Equal(new[] { 1f, 2f }, y.ToArray<float>());
        using (var y = Only(m.Invoke("forward", new object?[] { x, 2.0, true, 3 }, new Dictionary<string, object?> { ["offset"] = offset })))
            Assert.Equal(new[] { -7.5f, -63.5f }, y.ToArray<float>()); // -(2x)^3 + 0.5
        using (var y = Only(m.Forward(x, new Dictionary<string, object?> { ["power"] = 2L, ["offset"] = null, ["negate"] = false })))
            Assert.Equal(new[] { 1f, 4f }, y.ToArray<float>());
    }

    [Fact]
    public void WrongArgumentKindsAreNamed()
    {
        using var m = torch.jit.Load(Fixture.Path("keywords_script.pt"));
        using var x = torch.Tensor(new[] { 1f, 2f });
        var wrongType = Assert.Throws<TorchException>(() => m.Forward(x, new Dictionary<string, object?> { ["negate"] = 1.5 }));
        Assert.Contains("negate", wrongType.Message);
        var unknown = Assert.Throws<TorchException>(() => m.Forward(x, new Dictionary<string, object?> { ["no_such_arg"] = true }));
        Assert.Contains("no_such_arg", unknown.Message);
        var unsupported = Assert.Throws<ArgumentException>(() => m.Invoke("forward", new object?[] { x, "text" }));
        Assert.Contains("String", unsupported.Message);
    }
}
