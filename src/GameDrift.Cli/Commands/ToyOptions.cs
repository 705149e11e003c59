using System.CommandLine;
using System.Globalization;
using GameDrift.Analysis;
using GameDrift.Io.Csv;
using GameDrift.ToyRuns;

namespace GameDrift.Cli.Commands;

/// <summary>Options shared by the toy-game commands, and their parsing with clear errors.</summary>
internal static class ToyOptions
{
    public static Option<string> Game() => new("--game") { Description = "Toy game: dirac, dirac-wgan, dirac-ns, bilinear, rotational, general-sum (drift-order also takes product, a single loss: gradient descent and its flows up to third order).", DefaultValueFactory = _ => "dirac" };
    public static Option<string> Scheme() => new("--scheme") { Description = "simultaneous or alternating (discriminator first).", DefaultValueFactory = _ => "simultaneous" };
    public static Option<int> Steps(int dflt) => new("--steps") { Description = "Number of updates.", DefaultValueFactory = _ => dflt };
    public static Option<string?> Start() => new("--start") { Description = "Initial point PHI,THETA (all coordinates, comma-separated); default: the game's own (general-sum: the spec's z0 = 0.5,-0.3,0.4,0.2; the others: all ones). Mescheder et al.'s Dirac-GAN start (theta, psi) = (1, 1) is -1,1 here." };
    public static Option<string?> Reg() => new("--reg") { Description = RegHelp };

    /// <summary>The --reg help of every command that takes regularisers (toy, toy-sweep, mog; train/sweep read the same spec).</summary>
    public const string RegHelp = "Regularisers, comma-separated, the same syntax and meaning in every command: cancel-interaction (the paper's code " +
        "coefficients; :paper says so explicitly, :single-clock uses the single-clock ones), cancel-self, cancel-all, strengthen-self " +
        "(options :d or :g for one player, the discriminator or the generator), co=GAMMA, sga=LAMBDA (SGA's lambda: LAMBDA * 1/2 grad|grad_other L_other|^2), " +
        "r1=GAMMA, r2=GAMMA, wgan-gp=LAMBDA (not on toys), instance-noise=SIGMA (Gaussian noise on real and generated samples; toys: the Dirac-GAN games); e.g. cancel-interaction:single-clock,r1=0.3.";

    public static Option<string> Out(string dflt) => new("--out") { Description = "Output directory.", DefaultValueFactory = _ => dflt };

    /// <summary>The --start of a toy game; without one, the game's own start (the help says so).</summary>
    public static double[] ParseStart(string? text, Games.IVectorFieldGame game) =>
        ParseStart(text, game.PhiDim + game.ThetaDim, game.DefaultStart);

    public static double[] ParseStart(string? text, int size, double[]? fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback ?? Enumerable.Repeat(1.0, size).ToArray();
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var v = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]))
                throw new ArgumentException($"--start: '{parts[i]}' is not a number");
        if (v.Length != size) throw new ArgumentException($"--start needs {size} comma-separated values for this game, got {v.Length}");
        return v;
    }

    /// <summary>The regularisation of a toy run (<see cref="ToyRegularisation.Parse"/>); null for none.</summary>
    public static ToyRegularisation? ParseReg(string? spec) => ToyRegularisation.Parse(spec);

    public static void WriteCsv(string path, IReadOnlyList<string> header, IEnumerable<IEnumerable<string>> rows) =>
        CsvFile.Write(path, header, rows);

    public static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
