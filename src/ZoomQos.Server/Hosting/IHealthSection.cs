using System.Text.Json;

namespace ZoomQos.Server.Hosting;

/// <summary>A part of <c>/health</c> contributed by a service hosted beside the API (the archive's sync): one JSON property.</summary>
public interface IHealthSection
{
    /// <summary>The property's name.</summary>
    string Name { get; }

    /// <summary>Writes the property's value (an object).</summary>
    /// <param name="json">The writer, positioned where the value goes.</param>
    void Write(Utf8JsonWriter json);
}
