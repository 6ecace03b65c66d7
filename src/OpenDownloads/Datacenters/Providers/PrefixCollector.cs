namespace OpenDownloads.Datacenters.Providers;

/// <summary>Collects a provider's prefixes as its parser reads them, rejecting any that is not a clean CIDR.</summary>
internal sealed class PrefixCollector
{
    private readonly List<IpPrefix> _prefixes = [];

    /// <summary>Gets the prefixes kept, in the order read, repeats included.</summary>
    public IReadOnlyList<IpPrefix> Prefixes => _prefixes;

    /// <summary>Gets the number of IPv4 prefixes read.</summary>
    public int IPv4Count { get; private set; }

    /// <summary>Gets the number of IPv6 prefixes read.</summary>
    public int IPv6Count => _prefixes.Count - IPv4Count;

    /// <summary>Gets the number of prefixes skipped because they touch special-purpose space.</summary>
    public int SkippedCount { get; private set; }

    /// <summary>
    /// Gets the number of prefixes refused because they are larger than <see cref="RangeSizeLimit"/>.
    /// </summary>
    public int TooLargeCount { get; private set; }

    /// <summary>Gets the number of prefixes read so far, whether kept, skipped or refused.</summary>
    public int ReadCount => _prefixes.Count + SkippedCount + TooLargeCount;

    /// <summary>Adds a prefix as the feed writes it.</summary>
    /// <param name="text">The prefix; surrounding whitespace and invisible characters are removed first.</param>
    /// <param name="where">Where in the feed it was, for the error message, such as <c>line 12</c>.</param>
    /// <exception cref="FeedFormatException">The text is not a CIDR prefix without host bits.</exception>
    public void Add(ReadOnlySpan<char> text, string where)
    {
        var clean = Clean(text);
        if (!IpPrefix.TryParse(clean, out var prefix))
        {
            throw new FeedFormatException(
                $"The prefix '{InputExcerpt.Of(text)}' at {where} is not a CIDR prefix; "
                + "expected address/length with no host bits set.");
        }

        if (SpecialPurposeRanges.Overlaps(prefix))
        {
            SkippedCount++;
            return;
        }

        if (RangeSizeLimit.IsTooLarge(prefix.Range))
        {
            TooLargeCount++;
            return;
        }

        _prefixes.Add(prefix);
        if (prefix.IsIPv4)
        {
            IPv4Count++;
        }
    }

    // Bing once published prefixes with zero-width spaces inside them; byte order marks and tabs turn up too.
    private static string Clean(ReadOnlySpan<char> text)
    {
        Span<char> kept = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('\u200B' or '\u200C' or '\u200D' or '\uFEFF'))
            {
                kept[length++] = c;
            }
        }

        return new string(kept[..length]);
    }
}
