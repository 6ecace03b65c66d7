using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Actions;

/// <summary>The Microsoft.App calls on a container app.</summary>
internal static class ContainerAppCalls
{
    public const string ApiVersion = "2024-03-01";

    /// <summary>Stands for each active revision's name in a dry-run plan, which cannot list them.</summary>
    public const string ActiveRevisionPlaceholder = "{active-revision}";

    public static ArmCall ReadApp(ConsumerResource app) => new("GET", app.Path, ApiVersion);

    public static ArmCall ListRevisions(ConsumerResource app) => new("GET", $"{app.Path}/revisions", ApiVersion);

    public static ArmCall ReadRevision(ConsumerResource app, string revision) =>
        new("GET", $"{app.Path}/revisions/{revision}", ApiVersion);

    public static ArmCall RestartRevision(ConsumerResource app, string revision) =>
        new("POST", $"{app.Path}/revisions/{revision}/restart", ApiVersion);

    public static ArmCall UpdateTemplate(ConsumerResource app, string body) =>
        new("PATCH", app.Path, ApiVersion) { Body = body };
}
