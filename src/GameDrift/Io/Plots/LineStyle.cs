namespace GameDrift.Io.Plots;

/// <summary>Dash pattern of a stroked line.</summary>
public enum LineStyle
{
    /// <summary>Continuous.</summary>
    Solid,
    /// <summary>Long dashes.</summary>
    Dashed,
    /// <summary>Dots.</summary>
    Dotted,
    /// <summary>Alternating dash and dot.</summary>
    DashDot,
}
