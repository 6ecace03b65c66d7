using Azure.Storage.Queues;
using OpenDownloads.Rotation.Coordination;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>
/// The storage emulator the ...AzuriteTests classes use, found through ODL_TEST_STORAGE. Each test gets its own
/// table and queues, so tests never see each other's rows or messages.
/// </summary>
internal static class Azurite
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ODL_TEST_STORAGE") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException(
                "ODL_TEST_STORAGE is not set, so this Azurite test cannot run. Start Azurite "
                + "(.ci/run does it; by hand: npm install --prefix .ci/.tools azurite@3.35.0, then "
                + ".ci/.tools/node_modules/.bin/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 "
                + "--inMemoryPersistence --skipApiVersionCheck --loose) and export ODL_TEST_STORAGE=UseDevelopmentStorage=true.");

    public static RotationStorage NewStorage(out QueueClient events)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        events = new QueueClient(ConnectionString, $"rot-{id}-events");
        events.CreateIfNotExists();
        return RotationStorage.FromConnectionString(ConnectionString, $"rot{id}", $"rot-{id}-actions");
    }
}
