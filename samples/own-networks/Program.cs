using System.Globalization;
using GameDrift.Data;
using OwnNetworks;

// Usage: dotnet run --project samples/own-networks -c Release -- [runner|manual] [steps] [run-directory]
// runner (default): train through the Trainer into a run directory; manual: drive the update scheme directly.
var mode = args.Length > 0 ? args[0] : "runner";
var steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var dir = args.Length > 2 ? args[2] : Path.Combine("outputs", "own-networks");

if (mode == "manual")
{
    var history = ManualTraining.Train(FashionMnist.Load(), steps);
    var last = history[^1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"step {history.Count}: loss_d {last.D.Loss:F4} loss_g {last.G.Loss:F4}"));
    return 0;
}
if (mode != "runner")
{
    Console.Error.WriteLine($"unknown mode '{mode}' (runner or manual)");
    return 2;
}
var config = RunnerTraining.DefaultConfig();
config.Steps = steps;
var result = RunnerTraining.Train(config, dir);
Console.WriteLine($"{result.State} at step {result.Step}; outputs in {Path.GetFullPath(dir)}");
return result.Diverged ? 3 : 0;
