namespace GameDrift.Torch.optim;

/// <summary>Runs a function with parameters temporarily standing for shifted leaves p + ε d (like assigning
/// <c>param.data</c> in PyTorch and back). The original tensors are never written, so autograd graphs already built on
/// them stay valid (an in-place shift and restore would bump their version counters and break them), and they come
/// back bit for bit.</summary>
public static class ParameterShift
{
    public static T With<T>(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> directions, double epsilon, Func<T> body)
    {
        if (parameters.Count != directions.Count) throw new ArgumentException("one direction per parameter is required");
        var originals = parameters.Select(p => p.Alias()).ToArray();
        try
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                using var noGrad = torch.NoGrad();
                using var detached = parameters[i].Detach();
                using var direction = directions[i].Detach();
                using var shifted = detached.Add(direction, epsilon);
                shifted.RequiresGrad = parameters[i].RequiresGrad;
                parameters[i].SetData(shifted);
            }
            return body();
        }
        finally
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                parameters[i].SetData(originals[i]);
                originals[i].Dispose();
            }
        }
    }
}
