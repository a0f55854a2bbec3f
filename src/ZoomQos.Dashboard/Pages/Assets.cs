using System.Text;

namespace ZoomQos.Dashboard.Pages;

/// <summary>The dashboard's embedded pages and scripts.</summary>
internal static class Assets
{
    public static string Read(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("dashboard/" + name)
            ?? throw new InvalidOperationException($"The dashboard's {name} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
