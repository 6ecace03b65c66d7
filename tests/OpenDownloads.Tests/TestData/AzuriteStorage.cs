using Azure.Core;
using Azure.Storage.Blobs;

namespace OpenDownloads.Tests.TestData;

/// <summary>
/// The Azurite storage emulator that integration tests (classes named ...AzuriteTests) talk to: the one named by
/// <c>ODL_TEST_STORAGE</c> (a connection string, as <c>.ci/run</c> sets), else one this test process starts for
/// itself. Without either the tests fail, saying why; they never pass or skip silently.
/// </summary>
internal static class AzuriteStorage
{
    public const string Variable = "ODL_TEST_STORAGE";

    private static readonly Lazy<string> Started = new(AzuriteLauncher.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : Started.Value;

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
