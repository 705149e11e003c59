using GameDrift.Torch;

namespace GameDrift.Cli;

/// <summary>Turns expected failures (bad input, missing files, libtorch errors) into one clear line and exit code 2.</summary>
internal static class CliErrors
{
    public const int BadInput = 2;

    public static int Run(Func<int> body)
    {
        try { return body(); }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException
                                      or InvalidDataException or TorchException or FormatException or NotSupportedException)
        {
            Console.Error.WriteLine($"gamedrift: error: {e.Message}");
            return BadInput;
        }
    }
}
