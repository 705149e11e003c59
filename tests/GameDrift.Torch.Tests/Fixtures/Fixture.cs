namespace GameDrift.Torch.Tests;

/// <summary>Files made by PyTorch 1.13 and copied next to the test assembly: Fixtures/make_fixtures.py writes the top
/// folder; Fixtures/scripted/ is written from the repository root by
/// <c>/usr/bin/python3 scripts/make_scripted_networks.py --out tests/GameDrift.Torch.Tests/Fixtures/scripted --latent-dim 4
/// --channels 1 --size 8 --width 4 --seed 3 --expected tests/GameDrift.Torch.Tests/Fixtures/scripted/expected.pt</c>.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
