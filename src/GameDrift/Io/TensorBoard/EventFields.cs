namespace GameDrift.Io.TensorBoard;

/// <summary>
/// Field numbers of the messages we encode, from tensorflow/core/util/event.proto and
/// tensorflow/core/framework/summary.proto (no generated code: the few fields are written by hand).
/// </summary>
public static class EventFields
{
    // message Event
    public const int EventWallTime = 1;      // double
    public const int EventStep = 2;          // int64
    public const int EventFileVersion = 3;   // string (oneof what)
    public const int EventSummary = 5;       // Summary (oneof what)

    // message Summary
    public const int SummaryValues = 1;      // repeated Value

    // message Summary.Value
    public const int ValueTag = 1;           // string
    public const int ValueSimpleValue = 2;   // float (oneof value)
    public const int ValueImage = 4;         // Image (oneof value)

    // message Summary.Image
    public const int ImageHeight = 1;        // int32
    public const int ImageWidth = 2;         // int32
    public const int ImageColorspace = 3;    // int32
    public const int ImageEncoded = 4;       // bytes
}
