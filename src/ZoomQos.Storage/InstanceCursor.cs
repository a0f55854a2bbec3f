namespace ZoomQos.Storage;

/// <summary>A keyset position in an account's instances: the last start time (Unix ms) and UUID read.</summary>
/// <param name="StartMs">The start time of the last instance read, in Unix milliseconds.</param>
/// <param name="Uuid">The UUID of the last instance read.</param>
public sealed record InstanceCursor(long StartMs, string Uuid);
