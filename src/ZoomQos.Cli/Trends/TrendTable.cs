namespace ZoomQos.Cli.Trends;

/// <summary>
/// One table of a trend: a name, a header and rows of text cells, which the writers lay out as aligned columns or as
/// CSV. Every trend is drawn as a list of these, so each format is written once.
/// </summary>
/// <param name="Title">What the table is (shown above it in text; a column in CSV when a trend has several).</param>
/// <param name="Header">Column names.</param>
/// <param name="Rows">Cells, as many per row as the header.</param>
internal sealed record TrendTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A trend's tables, and the one that is its data in CSV (one rectangular table a spreadsheet can open).</summary>
/// <param name="All">Every table, in reading order.</param>
/// <param name="Primary">The table CSV writes.</param>
internal sealed record TrendTableSet(IReadOnlyList<TrendTable> All, TrendTable Primary);
