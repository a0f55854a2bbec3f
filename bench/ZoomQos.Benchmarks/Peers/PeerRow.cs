namespace ZoomQos.Benchmarks.Peers;

/// <summary>One row of issue 19's table: the work, our figure, the peer's, their ratio, the goal, and whether it held.</summary>
internal sealed record PeerRow(string Work, string Ours, string Peer, string Ratio, string Goal, bool Met)
{
    /// <summary>Prints the rows as the Markdown table docs/PERFORMANCE.md shows.</summary>
    public static void Print(IEnumerable<PeerRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| Work | ZoomQos | Peer | Ratio | Goal | |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Work} | {row.Ours} | {row.Peer} | {row.Ratio} | {row.Goal} | {(row.Met ? "met" : "NOT MET")} |");
        }

        Console.WriteLine();
    }
}
