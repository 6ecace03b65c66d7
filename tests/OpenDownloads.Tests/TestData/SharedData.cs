namespace OpenDownloads.Tests.TestData;

/// <summary>
/// Finds the real public data kept in the <c>shared</c> folder beside the repository, which is never copied in.
/// <c>ODL_SHARED_DIR</c> points elsewhere when the checkout does not sit beside it.
/// </summary>
internal static class SharedData
{
    private const string OverrideVariable = "ODL_SHARED_DIR";

    private static readonly Lazy<string> Repository = new(FindRepository);
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Gets the repository's root folder, the one that holds <c>Functions.sln</c>.</summary>
    public static string RepositoryRoot => Repository.Value;

    /// <summary>Returns the full path of a file or folder under <c>shared/data</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, "data", .. parts]);

    private static string FindRoot()
    {
        var overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return System.IO.Path.GetFullPath(overridden);
        }

        var repository = new DirectoryInfo(RepositoryRoot);
        var shared = System.IO.Path.Combine(repository.Parent?.FullName ?? repository.FullName, "shared");
        return Directory.Exists(shared)
            ? shared
            : throw new DirectoryNotFoundException(
                $"The shared folder '{shared}' does not exist; expected it beside the repository, "
                + $"or set {OverrideVariable}.");
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above '{AppContext.BaseDirectory}' holds Functions.sln; set {OverrideVariable} to the shared "
            + "folder.");
    }
}
