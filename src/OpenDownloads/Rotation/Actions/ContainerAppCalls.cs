using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Actions;

/// <summary>The Microsoft.App calls on a container app.</summary>
internal static class ContainerAppCalls
{
    public const string ApiVersion = "2024-03-01";

    /// <summary>Stands for each active revision's name in a dry-run plan, which cannot list them.</summary>
    public const string ActiveRevisionPlaceholder = "{active-revision}";

    /// <summary>Stands for the revision an update creates in a dry-run plan.</summary>
    public const string NewRevisionPlaceholder = "{new-revision}";

    public static ArmCall ReadApp(ConsumerResource app) => new("GET", app.Path, ApiVersion);

    public static ArmCall ListRevisions(ConsumerResource app) => new("GET", $"{app.Path}/revisions", ApiVersion);

    /// <exception cref="InvalidOperationException">
    /// The revision name is not one (see <see cref="Segment"/>).
    /// </exception>
    public static ArmCall ReadRevision(ConsumerResource app, string revision) =>
        new("GET", $"{app.Path}/revisions/{Segment(revision)}", ApiVersion);

    /// <exception cref="InvalidOperationException">
    /// The revision name is not one (see <see cref="Segment"/>).
    /// </exception>
    public static ArmCall RestartRevision(ConsumerResource app, string revision) =>
        new("POST", $"{app.Path}/revisions/{Segment(revision)}/restart", ApiVersion);

    public static ArmCall UpdateTemplate(ConsumerResource app, string body) =>
        new("PATCH", app.Path, ApiVersion) { Body = body };

    /// <summary>A revision name (from ARM) as one path segment; a name that could add a segment is refused.</summary>
    private static string Segment(string revision)
    {
        if (revision is ActiveRevisionPlaceholder or NewRevisionPlaceholder)
        {
            return revision;
        }

        if (revision.Length == 0
            || revision.Any(character => !char.IsAsciiLetterOrDigit(character) && character != '-'))
        {
            throw new InvalidOperationException($"ARM named a revision '{PrintableText.Of(revision)}'; expected "
                + "letters, digits and hyphens.");
        }

        return revision;
    }
}
