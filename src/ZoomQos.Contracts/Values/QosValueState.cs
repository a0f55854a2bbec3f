namespace ZoomQos.Contracts.Values;

/// <summary>What a QoS value field held on the wire.</summary>
public enum QosValueState
{
    /// <summary>The field was not in the JSON at all (or was <c>null</c>).</summary>
    Absent = 0,

    /// <summary>The stream was idle: Zoom sent <c>""</c> (or <c>"0*0"</c> for a resolution).</summary>
    Idle,

    /// <summary>The text parsed to a number; the raw text is kept beside it.</summary>
    Parsed,

    /// <summary>The text was present but is not a value this type understands; the raw text is kept.</summary>
    Unparseable,
}
