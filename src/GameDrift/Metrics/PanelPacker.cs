namespace GameDrift.Metrics;

/// <summary>
/// Writes rows <c>k0 .. k0+kc-1</c> of a K x width operand into <paramref name="packed"/> in the
/// layout <see cref="GramKernel"/> reads: for each block of <see cref="GramKernel.Lanes"/>
/// columns, <c>kc</c> consecutive groups of <see cref="GramKernel.Lanes"/> doubles. Padding lanes
/// are left as the zeros the kernel cleared.
/// </summary>
internal delegate void PanelPacker(int k0, int kc, Span<double> packed);
