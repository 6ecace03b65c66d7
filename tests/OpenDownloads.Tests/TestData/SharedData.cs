namespace OpenDownloads.Tests.TestData;

/// <summary>
/// Finds files in the team's shared folder, which sits beside the repository root and is never copied into it, so
/// tests read reference lists in place.
/// </summary>
internal static class SharedData
{
    private const string OverrideVariable = "ODL_SHARED_DIR";
    private const string RootMarker = "Functions.sln";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Returns the full path of a file or folder under the shared folder.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, RootMarker)) && folder.Parent is { } parent)
            {
                return System.IO.Path.Combine(parent.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder holding {RootMarker} was found above '{AppContext.BaseDirectory}'; "
            + $"expected the repository beside a 'shared' folder, or {OverrideVariable} set.");
    }
}
