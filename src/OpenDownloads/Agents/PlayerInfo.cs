namespace OpenDownloads.Agents;

/// <summary>
/// What an OPAWG v1 entry says about the player behind a user agent, with oDL's defaults for missing attributes.
/// </summary>
/// <param name="App">The app name, or <c>Unknown</c> when the matching entry names none.</param>
/// <param name="Device">The device slug (such as <c>phone</c> or <c>pc</c>), or <c>Unknown</c>.</param>
/// <param name="Os">The operating-system slug (such as <c>ios</c> or <c>android</c>), or <c>Unknown</c>.</param>
/// <param name="IsBot">Whether oDL drops requests from this user agent before counting.</param>
public sealed record PlayerInfo(string App, string Device, string Os, bool IsBot)
{
    /// <summary>The value oDL writes for an attribute the list does not give.</summary>
    public const string UnknownValue = "Unknown";

    /// <summary>
    /// Gets the app name oDL reports: <see cref="App"/>, or <c>{Device}.{Os}</c> (such as <c>phone.ios</c>) when the
    /// app is unknown, so library user agents still split by platform in the apps report.
    /// </summary>
    public string DisplayApp => App == UnknownValue ? $"{Device}.{Os}" : App;

    /// <summary>Gets the result for a user agent that no entry matches: unknown everything, not a bot.</summary>
    internal static PlayerInfo Unmatched { get; } = new(UnknownValue, UnknownValue, UnknownValue, IsBot: false);

    /// <summary>Gets the result for an empty or whitespace-only user agent, which oDL treats as a bot.</summary>
    internal static PlayerInfo Blank { get; } = new(UnknownValue, UnknownValue, UnknownValue, IsBot: true);
}
