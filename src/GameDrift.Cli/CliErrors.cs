using GameDrift.Torch;

namespace GameDrift.Cli;

/// <summary>Turns expected failures (bad input, missing or unreadable files, a full disk, libtorch errors) into one
/// clear line and exit code 2. Anything else is a bug: one line too, exit code 70, never a runtime abort.</summary>
internal static class CliErrors
{
    public const int BadInput = 2, InternalError = 70;

    public static int Run(Func<int> body)
    {
        try { return body(); }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or TorchException or FormatException
                                      or NotSupportedException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"gamedrift: error: {(e is TorchException ? FirstLine(e.Message) : OneLine(e.Message))}");
            return BadInput;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"gamedrift: internal error ({e.GetType().Name}): {FirstLine(e.Message)} at {FirstLine(e.StackTrace ?? "?").Trim()}");
            return InternalError;
        }
    }

    /// <summary>Our own multi-line messages (e.g. every mismatched key of a state dict) joined into one line.</summary>
    private static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>libtorch's messages carry its dispatcher tables and C++ backtraces after the first line.</summary>
    private static string FirstLine(string message)
    {
        var nl = message.IndexOfAny(['\r', '\n']);
        return nl < 0 ? message : message[..nl].TrimEnd();
    }
}
