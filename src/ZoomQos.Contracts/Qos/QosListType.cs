namespace ZoomQos.Contracts.Qos;

/// <summary>The <c>type</c> query parameter: <c>live</c> (the default) or <c>past</c>.</summary>
public enum QosListType
{
    /// <summary>The instance in progress.</summary>
    Live,

    /// <summary>Ended instances.</summary>
    Past,
}
