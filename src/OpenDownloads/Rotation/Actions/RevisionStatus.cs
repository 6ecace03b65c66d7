using System.Text.Json;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Actions;

/// <summary>A container app revision's name, whether it is active, and its running and provisioning state.</summary>
internal sealed record RevisionStatus(string Name, bool Active, string RunningState, string ProvisioningState)
{
    /// <summary>Reads every page of the app's revisions.</summary>
    /// <exception cref="InvalidDataException">A page is not ARM's list: a failed read, tried again later.</exception>
    /// <exception cref="InvalidOperationException">A nextLink leaves ARM's host, or pages never end.</exception>
    public static async Task<IReadOnlyList<RevisionStatus>> ReadAllAsync(
        IArmClient arm,
        ConsumerResource app,
        CancellationToken cancellationToken)
    {
        var list = ContainerAppCalls.ListRevisions(app);
        var items = await ArmPages.ReadAllAsync(arm, list, "revisions", cancellationToken).ConfigureAwait(false);
        return [.. items.Select(Read)];
    }

    /// <exception cref="InvalidDataException">The answer is not JSON.</exception>
    public static RevisionStatus Read(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            throw new InvalidDataException("The revision answer is not JSON; expected ARM's revision object.");
        }
    }

    public OutcomeCheck Check()
    {
        if (ProvisioningState.Equals("Failed", StringComparison.OrdinalIgnoreCase)
            || RunningState is "Failed" or "Degraded" or "Stopped")
        {
            return new OutcomeCheck(Freshness.Stale, $"revision {Name} is {RunningState}/{ProvisioningState}");
        }

        return RunningState.StartsWith("Running", StringComparison.OrdinalIgnoreCase)
            && ProvisioningState.Equals("Provisioned", StringComparison.OrdinalIgnoreCase)
            ? new OutcomeCheck(Freshness.Fresh, $"revision {Name} is running")
            : new OutcomeCheck(Freshness.Pending, $"revision {Name} is {RunningState}/{ProvisioningState}");
    }

    private static RevisionStatus Read(JsonElement item)
    {
        var properties = JsonFields.Find(item, "properties") ?? item;
        var active = JsonFields.Find(properties, "active") is { ValueKind: JsonValueKind.True };
        return new RevisionStatus(
            JsonFields.Text(item, "name") ?? "unnamed",
            active,
            JsonFields.Text(properties, "runningState") ?? "Unknown",
            JsonFields.Text(properties, "provisioningState") ?? "Unknown");
    }
}
