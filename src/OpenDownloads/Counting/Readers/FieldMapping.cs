using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Maps the field names a log source uses onto oDL's fields, as oDL's prepare stage does: a name is turned into
/// snake_case, then looked up among oDL's aliases and the user's own mappings; other names are dropped.
/// </summary>
public sealed class FieldMapping
{
    private static readonly Dictionary<string, OdlField> CanonicalNames = new(StringComparer.Ordinal)
    {
        ["ip"] = OdlField.Ip,
        ["encoded_ip"] = OdlField.EncodedIp,
        ["user_agent"] = OdlField.UserAgent,
        ["referer"] = OdlField.Referer,
        ["http_method"] = OdlField.HttpMethod,
        ["timestamp"] = OdlField.Timestamp,
        ["episode_id"] = OdlField.EpisodeId,
        ["range"] = OdlField.Range,
        ["byte_range_start"] = OdlField.ByteRangeStart,
        ["byte_range_end"] = OdlField.ByteRangeEnd,
    };

    // oDL's default aliases, keyed by the snake_case form of the source name.
    private static readonly Dictionary<string, OdlField> Aliases = new(StringComparer.Ordinal)
    {
        ["time"] = OdlField.Timestamp,
        ["ipaddress"] = OdlField.Ip,
        ["ip_address"] = OdlField.Ip,
        ["useragent"] = OdlField.UserAgent,
        ["referrer"] = OdlField.Referer,
        ["encodedip"] = OdlField.EncodedIp,
        ["hashed_ip_address"] = OdlField.EncodedIp,
        ["enclosureurl"] = OdlField.EpisodeId,
        ["enclosure_url"] = OdlField.EpisodeId,
        ["url"] = OdlField.EpisodeId,
        ["method"] = OdlField.HttpMethod,
    };

    private readonly Dictionary<string, OdlField> _userMappings;
    private readonly ConcurrentDictionary<string, OdlField?> _resolved = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OdlField?>.AlternateLookup<ReadOnlySpan<char>> _resolvedBySpan;

    private FieldMapping(Dictionary<string, OdlField> userMappings)
    {
        _userMappings = userMappings;
        _resolvedBySpan = _resolved.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the mapping with oDL's aliases only.</summary>
    public static FieldMapping Default { get; } = new(new Dictionary<string, OdlField>(StringComparer.Ordinal));

    /// <summary>
    /// Creates a mapping from user rules of the form <c>source:target</c>, such as <c>startedAt:timestamp</c>.
    /// User rules win over oDL's aliases: a field the user maps is read only from the user's source names.
    /// </summary>
    /// <exception cref="FormatException">A rule is not <c>source:target</c> or names no oDL field.</exception>
    public static FieldMapping Create(IEnumerable<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);

        var mappings = new Dictionary<string, OdlField>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var colon = rule.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == rule.Length - 1)
            {
                throw new FormatException(
                    $"The field mapping '{rule}' is not of the form source:target, such as startedAt:timestamp.");
            }

            var target = rule[(colon + 1)..].Trim();
            if (TryResolveBuiltIn(ToSnakeCase(target)) is not { } field)
            {
                throw new FormatException(
                    $"The field mapping '{rule}' targets '{target}', which is not one of: "
                    + string.Join(", ", CanonicalNames.Keys) + ".");
            }

            mappings[ToSnakeCase(rule[..colon].Trim())] = field;
        }

        return new FieldMapping(mappings);
    }

    /// <summary>Returns the oDL field a source name maps to, or <see langword="null"/> when it is dropped.</summary>
    public OdlField? Resolve(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        return _resolved.GetOrAdd(sourceName, ResolveUncached);
    }

    /// <summary>Returns the oDL field a source name maps to, without allocating once the name has been seen.</summary>
    public OdlField? Resolve(ReadOnlySpan<char> sourceName)
    {
        return _resolvedBySpan.TryGetValue(sourceName, out var field) ? field : Resolve(sourceName.ToString());
    }

    /// <summary>
    /// Returns a source name this mapping reads as <paramref name="field"/>: the user's own source name when the
    /// user mapped one to it, else oDL's name.
    /// </summary>
    public string SourceNameFor(OdlField field)
    {
        foreach (var (source, target) in _userMappings)
        {
            if (target == field)
            {
                return source;
            }
        }

        return OdlName(field);
    }

    /// <summary>Returns oDL's name for <paramref name="field"/>, such as <c>user_agent</c>.</summary>
    public static string OdlName(OdlField field) => CanonicalNames.First(pair => pair.Value == field).Key;

    /// <summary>Turns <c>camelCase</c> and <c>PascalCase</c> into <c>snake_case</c> the way oDL does.</summary>
    internal static string ToSnakeCase(string name)
    {
        // oDL inserts '_' before an upper-case letter that follows a lower-case letter or digit, or that starts a
        // capitalised word after other letters (so "IPAddress" becomes "ip_address"), then lower-cases everything.
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (IsAsciiUpper(c) && i > 0)
            {
                var afterLowerOrDigit = IsAsciiLowerOrDigit(name[i - 1]);
                var beforeLower = i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]);
                if (afterLowerOrDigit || beforeLower)
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static bool IsAsciiUpper(char c) => char.IsAsciiLetterUpper(c);

    private static bool IsAsciiLowerOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static OdlField? TryResolveBuiltIn(string snake)
    {
        if (Aliases.TryGetValue(snake, out var alias))
        {
            return alias;
        }

        return CanonicalNames.TryGetValue(snake, out var canonical) ? canonical : null;
    }

    private OdlField? ResolveUncached(string sourceName)
    {
        var snake = ToSnakeCase(sourceName);
        if (_userMappings.TryGetValue(snake, out var mapped))
        {
            return mapped;
        }

        // A field the user mapped comes only from the user's source, so a log that also has a column oDL would
        // read for it (say both "ts" and "time") gives the value the user asked for, whatever the column order.
        var builtIn = TryResolveBuiltIn(snake);
        return builtIn is { } field && _userMappings.ContainsValue(field) ? null : builtIn;
    }
}
