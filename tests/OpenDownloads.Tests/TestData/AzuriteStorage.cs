using Azure.Core;
using Azure.Storage.Blobs;

namespace OpenDownloads.Tests.TestData;

/// <summary>
/// The Azurite storage emulator that integration tests (classes named ...AzuriteTests) talk to, found through
/// <c>ODL_TEST_STORAGE</c>. When it is not set the tests fail, saying how to start Azurite; they never pass or
/// skip silently.
/// </summary>
internal static class AzuriteStorage
{
    public const string Variable = "ODL_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so there is no storage emulator for this Azurite test. Start Azurite "
                + "(as .ci/run does: npx azurite@3.35.0 --blobHost 127.0.0.1 --inMemoryPersistence "
                + "--skipApiVersionCheck --loose) and set "
                + $"{Variable}=UseDevelopmentStorage=true, or run the whole suite with bash .ci/run.");

    /// <summary>
    /// Creates a client that gives up quickly, so a stopped emulator fails a test in seconds, not minutes.
    /// </summary>
    public static BlobServiceClient CreateServiceClient()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        return new BlobServiceClient(ConnectionString, options);
    }

    /// <summary>Returns a new, uniquely named container of the test's own; dispose to delete it.</summary>
    public static TestContainer CreateContainer() =>
        new(CreateServiceClient().GetBlobContainerClient("odl-test-" + Guid.NewGuid().ToString("N")[..20]));
}

/// <summary>A blob container a test owns, deleted when the test ends.</summary>
internal sealed class TestContainer(BlobContainerClient client) : IAsyncDisposable
{
    public BlobContainerClient Client { get; } = client;

    public async ValueTask DisposeAsync() => await Client.DeleteIfExistsAsync();
}
