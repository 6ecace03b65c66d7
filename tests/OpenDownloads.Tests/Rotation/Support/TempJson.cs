namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>A JSON file of a test's own, deleted when the test ends.</summary>
internal sealed class TempJson : IDisposable
{
    public TempJson(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"odl-rotation-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
