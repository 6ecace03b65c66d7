namespace OpenDownloads.Datacenters.Output;

/// <summary>A file of a published version, so a reader can check it has the whole of it.</summary>
/// <param name="Name">The file's name, such as <c>datacenters.csv</c>.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record ManifestFile(string Name, long Bytes, string Sha256);
