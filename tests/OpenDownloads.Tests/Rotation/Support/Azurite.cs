using Azure.Storage.Queues;
using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>
/// The storage emulator the ...AzuriteTests classes use (see <see cref="AzuriteStorage"/>). Each test gets its own
/// table and queues, so tests never see each other's rows or messages.
/// </summary>
internal static class Azurite
{
    public static string ConnectionString => AzuriteStorage.ConnectionString;

    public static RotationStorage NewStorage(out QueueClient events)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        events = new QueueClient(ConnectionString, $"rot-{id}-events");
        events.CreateIfNotExists();
        return RotationStorage.FromConnectionString(ConnectionString, $"rot{id}", $"rot-{id}-actions");
    }
}
