using System.IO.Compression;
using OpenDownloads.Datacenters.Fetching;

namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Akamai's published edge ranges: a zip of two text files (IPv4 and IPv6 CIDRs, one a line). A plain text list
/// in the same layout, as mirrors keep, is read too.
/// </summary>
internal sealed class AkamaiFeed : ProviderFeed
{
    public override string Id => "akamai";

    public override string Name => "Akamai";

    public override string Website => "http://akamai.com/";

    public override IReadOnlyList<FeedDocument> Documents { get; } =
    [
        new(
            "akamai_ipv4_ipv6_CIDRs-txt.zip",
            new Uri("https://techdocs.akamai.com/property-manager/pdfs/akamai_ipv4_ipv6_CIDRs-txt.zip")),
    ];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes)
    {
        if (!body.Span.StartsWith("PK\u0003\u0004"u8))
        {
            FeedText.AddFirstFields(body, document, prefixes);
            return;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(body.ToArray(), writable: false), ZipArchiveMode.Read);
            var texts = zip.Entries.Where(entry => entry.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
            foreach (var entry in texts.OrderBy(entry => entry.FullName, StringComparer.Ordinal))
            {
                using var stream = entry.Open();
                var text = FeedSizeLimit.Read(stream, $"{document.FileName}/{entry.FullName}");
                FeedText.AddFirstFields(text, document with { FileName = entry.FullName }, prefixes);
            }
        }
        catch (InvalidDataException error)
        {
            throw new FeedFormatException(
                $"The feed '{document.FileName}' is not a readable zip: {error.Message}", error);
        }
    }
}
