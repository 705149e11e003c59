namespace GameDrift.Io.Plots;

/// <summary>Where a plot puts its legend.</summary>
public enum LegendLocation
{
    /// <summary>Outside on the right for category maps, otherwise <see cref="Best"/>.</summary>
    Auto,
    /// <summary>The inside corner that covers the fewest data points.</summary>
    Best,
    /// <summary>Inside, top right.</summary>
    UpperRight,
    /// <summary>Inside, top left.</summary>
    UpperLeft,
    /// <summary>Inside, bottom left.</summary>
    LowerLeft,
    /// <summary>Inside, bottom right.</summary>
    LowerRight,
    /// <summary>Outside the axes, to the right.</summary>
    OutsideRight,
    /// <summary>No legend.</summary>
    None,
}
