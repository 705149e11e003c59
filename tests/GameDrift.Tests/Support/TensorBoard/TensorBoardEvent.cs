using GameDrift.Io.TensorBoard;

namespace GameDrift.Tests.Support.TensorBoard;

/// <summary>A decoded Event record: either a file-version marker or a summary of values.</summary>
public sealed record TensorBoardEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<SummaryValue> Values);

/// <summary>One Summary.Value: a scalar (<see cref="SimpleValue"/>) or an image (<see cref="Image"/>), or neither for kinds not decoded.</summary>
public sealed record SummaryValue(string Tag, float? SimpleValue, SummaryImage? Image);

/// <summary>Summary.Image: encoded (e.g. PNG) bytes with their size and colorspace (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA).</summary>
public sealed record SummaryImage(int Height, int Width, int Colorspace, byte[] EncodedImage);
