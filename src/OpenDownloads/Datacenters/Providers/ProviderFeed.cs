namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// A cloud or CDN provider that publishes its address ranges: its name in the list, its files, and how to read
/// them. Adding a provider is a subclass and one line in <see cref="ProviderCatalog"/>.
/// </summary>
internal abstract class ProviderFeed
{
    /// <summary>Gets the short id used in settings and on the command line, such as <c>aws</c>.</summary>
    public abstract string Id { get; }

    /// <summary>Gets the name written in the list; ipcat's where ipcat has the provider.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the web site written in the list's fourth column; ipcat's where ipcat has the provider.</summary>
    public abstract string Website { get; }

    /// <summary>Gets the files the provider publishes, all of which a rebuild needs.</summary>
    public abstract IReadOnlyList<FeedDocument> Documents { get; }

    /// <summary>Reads one of <see cref="Documents"/> into <paramref name="prefixes"/>.</summary>
    /// <exception cref="FeedFormatException">The body is not in the document's format.</exception>
    public abstract void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes);
}
