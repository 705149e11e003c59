namespace GameDrift.Io.Plots;

/// <summary>Which point of a text box the anchor coordinate refers to, horizontally.</summary>
public enum HAlign
{
    /// <summary>Anchor at the left edge.</summary>
    Left,
    /// <summary>Anchor at the horizontal centre.</summary>
    Center,
    /// <summary>Anchor at the right edge.</summary>
    Right,
}

/// <summary>Which point of a text box the anchor coordinate refers to, vertically.</summary>
public enum VAlign
{
    /// <summary>Anchor at the top edge.</summary>
    Top,
    /// <summary>Anchor at the vertical centre.</summary>
    Middle,
    /// <summary>Anchor at the bottom edge.</summary>
    Bottom,
}
