using System.CommandLine;
using System.Text.RegularExpressions;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Cli;

/// <summary>Checks on option values that the command-line library does not make itself.</summary>
internal static partial class OptionValues
{
    /// <summary>
    /// Says what a value should have been in words (<c>a whole number</c>) where the command-line library names a
    /// .NET type (<c>expected type 'System.Nullable`1[System.Int32]'</c>), and drops its list of enum suggestions.
    /// </summary>
    public static string Explain(string message)
    {
        var match = ExpectedType().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var expected = type switch
        {
            _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal)
                => "a whole number",
            _ when type.Contains("Double", StringComparison.Ordinal) => "a number",
            _ when type.Contains(nameof(LogFormat), StringComparison.Ordinal) => "one of "
                + string.Join(", ", Enum.GetNames<LogFormat>().Select(name => name.ToLowerInvariant())),
            _ => null,
        };
        return expected is null ? message : message[..match.Index] + $"; expected {expected}.";
    }

    /// <summary>
    /// Refuses a value that looks like another option, as when a user forgets the value (<c>--salt --json</c>):
    /// the parser would otherwise take the next option as the value and go on with the wrong settings.
    /// </summary>
    public static T RequireValue<T>(this T option)
        where T : Option
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value.Length > 1)
                {
                    result.AddError($"{option.Name} needs a value, but '{token.Value}' looks like an option.");
                }
            }
        });
        return option;
    }

    [GeneratedRegex(@" as expected type '(?<type>[^']+)'.*", RegexOptions.Singleline)]
    private static partial Regex ExpectedType();
}
