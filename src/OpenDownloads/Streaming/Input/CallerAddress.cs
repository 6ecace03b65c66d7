namespace OpenDownloads.Streaming.Input;

/// <summary>
/// Takes the port off Storage's <c>callerIpAddress</c>: <c>203.0.113.5:52114</c> and <c>[2001:db8::5]:52114</c>
/// become the bare address. An unbracketed value with several colons is an IPv6 address and is kept whole.
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
            return close > 1 ? text[1..close] : text;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var isHostAndPort = colon > 0 && colon == text.LastIndexOf(':') && text.Contains('.', StringComparison.Ordinal);
        return isHostAndPort ? text[..colon] : text;
    }
}
