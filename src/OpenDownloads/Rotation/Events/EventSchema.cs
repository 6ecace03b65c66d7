namespace OpenDownloads.Rotation.Events;

/// <summary>The envelope an event arrived in.</summary>
internal enum EventSchema
{
    EventGrid,
    CloudEvents,
}
