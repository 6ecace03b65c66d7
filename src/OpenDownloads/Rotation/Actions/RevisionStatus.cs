using System.Text.Json;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Actions;

/// <summary>A container app revision's name, whether it is active, and its running and provisioning state.</summary>
internal sealed record RevisionStatus(string Name, bool Active, string RunningState, string ProvisioningState)
{
    public static IReadOnlyList<RevisionStatus> ReadAll(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = JsonDocument.Parse(body);
        return JsonFields.Find(document.RootElement, "value") is { ValueKind: JsonValueKind.Array } items
            ? [.. items.EnumerateArray().Select(Read)]
            : [];
    }

    public static RevisionStatus Read(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = JsonDocument.Parse(body);
        return Read(document.RootElement);
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
