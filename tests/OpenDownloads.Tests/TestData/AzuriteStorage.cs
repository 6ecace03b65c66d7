using Azure.Core;
using Azure.Data.Tables;
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
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? LocalOnly(value) : Started.Value;

    public static TableServiceClient Tables() => new(ConnectionString);

    public static BlobServiceClient Blobs() => new(ConnectionString);

    /// <summary>Returns a name no other test uses, for a table or container.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..20];

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

    // Tests write and delete freely, so they refuse any storage that is not an emulator on this machine.
    private static string LocalOnly(string connection) =>
        connection.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
        || connection.Contains("127.0.0.1", StringComparison.Ordinal)
        || connection.Contains("localhost", StringComparison.OrdinalIgnoreCase)
            ? connection
            : throw new InvalidOperationException(
                $"{Variable} names storage that is not on this machine; the tests only use an emulator on 127.0.0.1.");

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
