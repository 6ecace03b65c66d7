namespace OpenDownloads.Streaming.Input;

/// <summary>What an event body holds, as <see cref="EventShapeDetector"/> tells it from its first bytes.</summary>
public enum EventShape
{
    /// <summary>One oDL or OP3 event object, or several as JSON lines.</summary>
    JsonEvents,

    /// <summary>A JSON array of event objects, or OP3's export object with a <c>rows</c> array.</summary>
    JsonDocument,

    /// <summary>Azure Monitor's diagnostic envelope, <c>{"records": [...]}</c>.</summary>
    AzureMonitor,

    /// <summary>Lines of nginx or Apache combined log format.</summary>
    CombinedLog,
}
