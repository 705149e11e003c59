namespace GameDrift.Torch;

public enum DeviceType { CPU = 0, CUDA = 1 }

/// <summary>Where a tensor lives: "cpu" or "cuda:N".</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    public static readonly Device CPU = new(DeviceType.CPU);
    public static Device CUDA(int index = 0) => new(DeviceType.CUDA, index);

    /// <summary>Parses "cpu", "cuda" or "cuda:1".</summary>
    public static Device Parse(string s)
    {
        var t = s.Trim().ToLowerInvariant();
        if (t == "cpu") return CPU;
        if (t == "cuda") return CUDA(0);
        if (t.StartsWith("cuda:") && int.TryParse(t[5..], out var i) && i >= 0) return CUDA(i);
        throw new ArgumentException($"unknown device '{s}' (expected cpu, cuda or cuda:N)");
    }

    public static implicit operator Device(string s) => Parse(s);
    public bool IsCuda => Type == DeviceType.CUDA;
    public override string ToString() => Type == DeviceType.CPU ? "cpu" : Index < 0 ? "cuda" : $"cuda:{Index}";
}
