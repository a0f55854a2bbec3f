namespace ZoomQos.Server.Ingestion;

/// <summary>An ingestion body larger than the configured limit.</summary>
internal sealed class IngestTooLargeException(long limit) : Exception($"The body is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
