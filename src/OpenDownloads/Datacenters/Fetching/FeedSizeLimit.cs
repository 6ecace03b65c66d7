using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Datacenters.Fetching;

/// <summary>
/// The most bytes a feed body, or a file expanded from a zipped feed, may hold. The largest real feed, Azure's
/// service tags, is about 5 MB; a body beyond this is a wrong file or a zip bomb, and fails its provider.
/// </summary>
internal static class FeedSizeLimit
{
    public const int Bytes = 64 * 1024 * 1024;

    /// <summary>Reads <paramref name="stream"/> whole, failing as soon as it passes <see cref="Bytes"/>.</summary>
    /// <exception cref="FeedFormatException">The stream holds more than <see cref="Bytes"/>.</exception>
    public static async Task<byte[]> ReadAsync(Stream stream, string what, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > Bytes)
            {
                throw TooLarge(what);
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>Reads <paramref name="stream"/> whole, as <see cref="ReadAsync"/> does.</summary>
    /// <exception cref="FeedFormatException">The stream holds more than <see cref="Bytes"/>.</exception>
    public static byte[] Read(Stream stream, string what)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > Bytes)
            {
                throw TooLarge(what);
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    public static FeedFormatException TooLarge(string what) =>
        new($"The feed '{what}' is larger than {Bytes / (1024 * 1024)} MiB; expected a list of a few MB.");
}
