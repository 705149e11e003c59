namespace GameDrift.Torch.nn;

/// <summary>What <see cref="Module.LoadStateDict"/> did not match (both empty after a strict load).</summary>
public sealed record LoadStateDictResult(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);
