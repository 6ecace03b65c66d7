namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>
/// Takes the port off Storage's <c>callerIpAddress</c>: <c>203.0.113.5:52114</c> and <c>[2001:db8::5]:52114</c>
/// become the bare address. An unbracketed value with several colons is an IPv6 address and is kept whole, and a
/// value whose port is not a port number (<c>203.0.113.11:abc</c>) is kept whole for the preparer to reject.
/// </summary>
public static class CallerAddress
{
    /// <summary>Returns the address part of <paramref name="value"/>.</summary>
    public static string WithoutPort(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            var hasPort = close + 1 < text.Length;
            var portOk = !hasPort || (text[close + 1] == ':' && IsPort(text.AsSpan(close + 2)));
            return close > 1 && portOk ? text[1..close] : text;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var isHostAndPort = colon > 0 && colon == text.LastIndexOf(':') && text.Contains('.', StringComparison.Ordinal);
        return isHostAndPort && IsPort(text.AsSpan(colon + 1)) ? text[..colon] : text;
    }

    private static bool IsPort(ReadOnlySpan<char> port) =>
        port.Length is > 0 and <= 5 && !port.ContainsAnyExceptInRange('0', '9')
        && int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) <= 65535;
}
