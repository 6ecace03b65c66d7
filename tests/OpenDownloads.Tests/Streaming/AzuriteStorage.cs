using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace OpenDownloads.Tests.Streaming;

/// <summary>
/// The storage emulator the ...AzuriteTests classes run against, named by <c>ODL_TEST_STORAGE</c>. Without it they
/// fail and say how to start one; they never pass silently and never reach a host other than this machine.
/// </summary>
internal static class AzuriteStorage
{
    public const string Variable = "ODL_TEST_STORAGE";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{Variable} is not set, so the Azurite tests cannot run. Start Azurite (npm install --prefix "
                    + ".ci/.tools azurite@3.35.0, then .ci/.tools/node_modules/.bin/azurite --blobHost 127.0.0.1 "
                    + "--queueHost 127.0.0.1 --tableHost 127.0.0.1 --inMemoryPersistence --skipApiVersionCheck --loose) "
                    + $"and set {Variable}=UseDevelopmentStorage=true, or run .ci/run, which does both.");
            }

            if (!value.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
                && !value.Contains("127.0.0.1", StringComparison.Ordinal)
                && !value.Contains("localhost", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"{Variable} names storage that is not on this machine; the tests only use an emulator on 127.0.0.1.");
            }

            return value;
        }
    }

    public static TableServiceClient Tables() => new(ConnectionString);

    public static BlobServiceClient Blobs() => new(ConnectionString);

    /// <summary>Returns a name no other test uses, for a table or container.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..20];
}
