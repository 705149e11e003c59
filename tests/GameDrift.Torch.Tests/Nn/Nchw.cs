namespace GameDrift.Torch.Tests;

/// <summary>A row-major float64 array with a shape, indexed by coordinates: the plain-loop side of reference tests.</summary>
internal sealed class Nd
{
    public readonly double[] Data;
    public readonly long[] Shape;

    public Nd(double[] data, long[] shape) { Data = data; Shape = shape; }
    public Nd(params long[] shape) : this(new double[shape.Aggregate(1L, (a, b) => a * b)], shape) { }
    public static Nd Of(Tensor t) => new(t.ToArray<double>(), t.Shape);

    public ref double this[params long[] i]
    {
        get
        {
            long o = 0;
            for (var d = 0; d < Shape.Length; d++) o = o * Shape[d] + i[d];
            return ref Data[o];
        }
    }

    public Tensor ToTensor() => torch.Tensor(Data, Shape);

    public static void AssertClose(Nd expected, Tensor actual, double tol = 1e-10)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var a = actual.ToArray<double>();
        for (var i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(expected.Data[i] - a[i]) <= tol * (1 + Math.Abs(expected.Data[i])), $"element {i}: expected {expected.Data[i]:R}, got {a[i]:R}");
    }
}
