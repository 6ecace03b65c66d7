using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Actions;

/// <summary>
/// Container Apps: restart every active revision, or create a new revision by patching the template with a new
/// revisionSuffix (the "force new deployment"); then read the revisions' running and provisioning state.
/// </summary>
internal sealed class ContainerAppOperator(IArmClient arm, TimeProvider time) : IConsumerOperator
{
    public IReadOnlyList<ArmCall> Plan(Consumer consumer, ConsumerAction action)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var app = consumer.Resource;
        if (action == ConsumerAction.NewRevision)
        {
            return
            [
                ContainerAppCalls.ReadApp(app),
                ContainerAppCalls.UpdateTemplate(app, "{}"),
                ContainerAppCalls.ReadApp(app),
                ContainerAppCalls.ReadRevision(app, ContainerAppCalls.NewRevisionPlaceholder),
            ];
        }

        return
        [
            ContainerAppCalls.ListRevisions(app),
            ContainerAppCalls.RestartRevision(app, ContainerAppCalls.ActiveRevisionPlaceholder),
            ContainerAppCalls.ListRevisions(app),
        ];
    }

    public async Task<AppliedAction> ApplyAsync(
        Consumer consumer,
        ConsumerAction action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var app = consumer.Resource;
        if (action != ConsumerAction.NewRevision)
        {
            var revisions = RevisionStatus.ReadAll(
                await arm.SendAsync(ContainerAppCalls.ListRevisions(app), cancellationToken).ConfigureAwait(false));
            foreach (var revision in revisions.Where(revision => revision.Active))
            {
                await arm.SendAsync(ContainerAppCalls.RestartRevision(app, revision.Name), cancellationToken)
                    .ConfigureAwait(false);
            }

            return new AppliedAction(action);
        }

        var current = await arm.SendAsync(ContainerAppCalls.ReadApp(app), cancellationToken).ConfigureAwait(false);
        var suffix = "rot" + time.GetUtcNow().ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var body = NewRevisionBody(current, suffix);
        await arm.SendAsync(ContainerAppCalls.UpdateTemplate(app, body), cancellationToken).ConfigureAwait(false);
        return new AppliedAction(action, suffix);
    }

    public async Task<OutcomeCheck> CheckAsync(
        Consumer consumer,
        AppliedAction applied,
        IReadOnlyList<SecretChange> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(applied);
        var app = consumer.Resource;
        if (applied.RevisionSuffix is null)
        {
            var revisions = RevisionStatus.ReadAll(
                await arm.SendAsync(ContainerAppCalls.ListRevisions(app), cancellationToken).ConfigureAwait(false));
            var active = revisions.Where(revision => revision.Active).ToList();
            return active.Count == 0
                ? new OutcomeCheck(Freshness.Stale, "no active revision")
                : active.Select(revision => revision.Check()).Aggregate((worst, next) => worst.Worst(next));
        }

        using var current = JsonDocument.Parse(
            await arm.SendAsync(ContainerAppCalls.ReadApp(app), cancellationToken).ConfigureAwait(false));
        var properties = JsonFields.Find(current.RootElement, "properties") ?? current.RootElement;
        var latest = JsonFields.Text(properties, "latestRevisionName");
        if (latest is null || !latest.EndsWith($"--{applied.RevisionSuffix}", StringComparison.OrdinalIgnoreCase))
        {
            return new OutcomeCheck(Freshness.Pending, $"revision suffix {applied.RevisionSuffix} not created yet");
        }

        var revision = RevisionStatus.Read(
            await arm.SendAsync(ContainerAppCalls.ReadRevision(app, latest), cancellationToken).ConfigureAwait(false));
        return revision.Check();
    }

    /// <summary>{"properties":{"template": the current template with a new revisionSuffix}}.</summary>
    private static string NewRevisionBody(BinaryData current, string suffix)
    {
        var app = JsonNode.Parse(current.ToString()) as JsonObject;
        var template = app?["properties"]?["template"]?.DeepClone() as JsonObject
            ?? throw new FormatException("The container app has no properties.template; expected ARM's "
                + "container app shape.");
        template["revisionSuffix"] = suffix;
        return new JsonObject { ["properties"] = new JsonObject { ["template"] = template } }.ToJsonString();
    }
}
