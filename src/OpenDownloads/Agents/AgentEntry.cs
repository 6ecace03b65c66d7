using System.Text.RegularExpressions;

namespace OpenDownloads.Agents;

/// <summary>One entry of the OPAWG v1 list: the player it describes and the patterns that identify it.</summary>
/// <param name="Index">The entry's position in the file, from 0, for messages and tests.</param>
/// <param name="Player">What a match means, with oDL's defaults already applied.</param>
/// <param name="Patterns">The entry's patterns, translated to .NET, in file order.</param>
internal sealed record AgentEntry(int Index, PlayerInfo Player, IReadOnlyList<Regex> Patterns)
{
    /// <summary>Gets how long one pattern may run against one user agent before it counts as not matching.</summary>
    /// <remarks>
    /// Real user agents take microseconds. The limit is generous so that a busy machine, where a thread may wait
    /// hundreds of milliseconds for a core, never turns an ordinary match into a miss and so changes a count.
    /// </remarks>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromSeconds(2);

    private readonly RequiredText?[] _required = [.. Patterns.Select(RequiredText.Of)];

    /// <summary>Returns whether any of the entry's patterns occurs in the user agent, as Python's re.search.</summary>
    public bool IsMatch(string userAgent)
    {
        for (var i = 0; i < _required.Length; i++)
        {
            if (_required[i] is { } required && !required.CanMatch(userAgent))
            {
                continue;
            }

            if (IsMatch(Patterns[i], userAgent))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMatch(Regex pattern, string userAgent)
    {
        try
        {
            return pattern.IsMatch(userAgent);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only a crafted user agent makes a list pattern backtrack this long. Python would keep going, but a
            // stalled counter loses more than one misfiled request, so the pattern counts as not matching and the
            // search moves on to the next one.
            return false;
        }
    }
}
