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
            var revisions = await RevisionStatus.ReadAllAsync(arm, app, cancellationToken).ConfigureAwait(false);
            foreach (var revision in revisions.Where(revision => revision.Active))
            {
                await arm.SendAsync(ContainerAppCalls.RestartRevision(app, revision.Name), cancellationToken)
                    .ConfigureAwait(false);
            }

            return new AppliedAction(action);
        }

        var current = await arm.SendAsync(ContainerAppCalls.ReadApp(app), cancellationToken).ConfigureAwait(false);
        var suffix = "rot" + time.GetUtcNow().ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var body = NewRevisionBody(current.Content, suffix);
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
            var revisions = await RevisionStatus.ReadAllAsync(arm, app, cancellationToken).ConfigureAwait(false);
            var active = revisions.Where(revision => revision.Active).ToList();
            return active.Count == 0
                ? new OutcomeCheck(Freshness.Stale, "no active revision")
                : active.Select(revision => revision.Check()).Aggregate((worst, next) => worst.Worst(next));
        }

        var answer = await arm.SendAsync(ContainerAppCalls.ReadApp(app), cancellationToken).ConfigureAwait(false);
        using var current = ParseApp(answer.Content);
        var properties = JsonFields.Find(current.RootElement, "properties") ?? current.RootElement;
        var latest = JsonFields.Text(properties, "latestRevisionName");
        if (latest is null || !latest.EndsWith($"--{applied.RevisionSuffix}", StringComparison.OrdinalIgnoreCase))
        {
            return new OutcomeCheck(Freshness.Pending, $"revision suffix {applied.RevisionSuffix} not created yet");
        }

        var revision = RevisionStatus.Read(
            (await arm.SendAsync(ContainerAppCalls.ReadRevision(app, latest), cancellationToken).ConfigureAwait(false))
                .Content);
        return revision.Check();
    }

    private static JsonDocument ParseApp(BinaryData body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new InvalidDataException("The container app answer is not JSON; expected ARM's container app.");
        }
    }

    /// <summary>{"properties":{"template": the current template with a new revisionSuffix}}.</summary>
    private static string NewRevisionBody(BinaryData current, string suffix)
    {
        JsonObject? app;
        try
        {
            app = JsonNode.Parse(current.ToString()) as JsonObject;
        }
        catch (JsonException)
        {
            throw new InvalidDataException("The container app answer is not JSON; expected ARM's container app.");
        }

        var template = app?["properties"]?["template"]?.DeepClone() as JsonObject
            ?? throw new FormatException("The container app has no properties.template; expected ARM's "
                + "container app shape.");
        template["revisionSuffix"] = suffix;
        return new JsonObject { ["properties"] = new JsonObject { ["template"] = template } }.ToJsonString();
    }
}
