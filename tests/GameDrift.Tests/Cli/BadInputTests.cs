using System.Security.Cryptography;
using GameDrift.Tests.Support;

namespace GameDrift.Tests.Cli;

/// <summary>Every CLI command fed bad input (docs/reliability.md): one line naming the problem, exit code 2, no crash,
/// no runtime abort, no hang, and the finished run it was pointed at unchanged.</summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.FinishedRunFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly FinishedRunFixture fixture;

    public BadInputTests(FinishedRunFixture fixture) => this.fixture = fixture;

    public static TheoryData<string> Names() => new(BadInputCases.All.Select(c => c.Name));

    [TheoryIfDirectoryExists(BadInputScratch.FashionMnist, "Debian package dataset-fashion-mnist")]
    [MemberData(nameof(Names))]
    public void GivesOneClearLineAndExitCode2(string name)
    {
        var c = BadInputCases.All.Single(x => x.Name == name);
        using var tmp = new TempDirectory();
        using var scratch = new BadInputScratch(tmp.Path, fixture.Run);
        var args = c.Args(scratch);
        var runs = args.Where(Directory.Exists).Where(d => File.Exists(Path.Combine(d, "checkpoints", "latest.pt"))).ToArray();
        var before = runs.Select(Fingerprint).ToArray();

        var (code, stdout, stderr) = CliProcess.Run(tmp.Path, Limit, args);

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(code == c.ExitCode, $"exit code {code}, expected {c.ExitCode}\nstderr: {stderr}\nstdout: {stdout}");
        Assert.True(lines.Length == 1 && lines[0].StartsWith("gamedrift: error: ", StringComparison.Ordinal), $"not one error line:\n{stderr}");
        Assert.Contains(c.Expect, lines[0]);
        Assert.Equal(before, runs.Select(Fingerprint).ToArray()); // nothing of a run it was pointed at is lost
    }

    /// <summary>The checkpoint, metrics and status of a run directory, hashed.</summary>
    private static string Fingerprint(string run) => Convert.ToHexString(SHA256.HashData(
        new[] { "checkpoints/latest.pt", "metrics.csv", "status.json" }.Select(f => Path.Combine(run, f)).Where(File.Exists)
            .SelectMany(File.ReadAllBytes).ToArray()));

    /// <summary>One finished 2-step run, made once through the CLI; each case works on a copy.</summary>
    public sealed class FinishedRunFixture : IDisposable
    {
        private readonly TempDirectory tmp = new();

        public FinishedRunFixture()
        {
            Run = tmp.Combine("finished");
            if (!Directory.Exists(BadInputScratch.FashionMnist)) return;
            File.WriteAllText(tmp.Combine("tiny.yaml"), BadInputScratch.TinyYaml());
            var (code, stdout, stderr) = CliProcess.Run(tmp.Path, Limit, "train", "--config", tmp.Combine("tiny.yaml"), "--out", Run);
            if (code != 0) throw new InvalidOperationException($"the fixture run failed ({code}): {stderr}{stdout}");
        }

        public string Run { get; }

        public void Dispose() => tmp.Dispose();
    }
}
