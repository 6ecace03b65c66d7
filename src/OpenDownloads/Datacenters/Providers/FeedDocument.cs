using System.Text.RegularExpressions;

namespace OpenDownloads.Datacenters.Providers;

/// <summary>One file a provider publishes its ranges in.</summary>
/// <param name="FileName">
/// The file's name in a folder of local copies (<c>--feeds DIR</c>) and on a mirror, as in the shared copies.
/// </param>
/// <param name="Url">The provider's official URL, or <see langword="null"/> when it must be discovered.</param>
/// <param name="Discovery">How to find the URL when the provider changes it, or <see langword="null"/>.</param>
/// <param name="Mirrored">Whether a configured mirror serves it; the base list is never taken from one.</param>
internal sealed record FeedDocument(string FileName, Uri? Url, FeedDiscovery? Discovery = null, bool Mirrored = true);

/// <summary>A page that links to a feed whose URL changes, and the pattern of that link.</summary>
/// <param name="Page">The page to read.</param>
/// <param name="Link">
/// Matches the feed's URL in the page. Where it matches several, the greatest match wins, which for dated file
/// names is the newest.
/// </param>
internal sealed record FeedDiscovery(Uri Page, Regex Link);
