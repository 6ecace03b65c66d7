using System.Runtime.CompilerServices;

namespace OpenDownloads.Cli.Tests;

internal static class TestCache
{
    /// <summary>
    /// Points odl's reference-data cache at an empty folder of the test run's own, so no test reads a developer's
    /// cache or, finding none, reaches for the published files on the internet.
    /// </summary>
    [ModuleInitializer]
    internal static void UseEmptyCache()
    {
        var directory = Path.Combine(Path.GetTempPath(), "odl-cli-tests-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        Environment.SetEnvironmentVariable("ODL_CACHE_DIR", directory);
    }
}
