namespace GameDrift.Metrics;

/// <summary>A <c>.npy</c>/<c>.npz</c> file is malformed or uses a layout this reader does not support.</summary>
public sealed class NpyFormatException : FormatException
{
    /// <summary>Creates the exception with a message that names the file and array.</summary>
    public NpyFormatException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping the lower-level cause.</summary>
    public NpyFormatException(string message, Exception inner) : base(message, inner) { }
}
