using System.CommandLine;

namespace OpenDownloads.Cli;

/// <summary>Checks on option values that the command-line library does not make itself.</summary>
internal static class OptionValues
{
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
}
