using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace OpenDownloads.Functions.Counting;

/// <summary>Reads the partition a batch came from out of the trigger's <c>PartitionContext</c> binding data.</summary>
internal static class TriggerPartition
{
    public const string BindingDataKey = "PartitionContext";

    public static string IdOf(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.BindingContext.BindingData.TryGetValue(BindingDataKey, out var value);
        var json = value switch
        {
            string text => text,
            JsonElement element => element.GetRawText(),
            _ => null,
        };
        if (json is not null)
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("PartitionId", out var id)
                && id.GetString() is { Length: > 0 } partition)
            {
                return partition;
            }
        }

        throw new InvalidOperationException(
            $"The trigger's binding data has no {BindingDataKey} with a PartitionId; the stream path needs the "
            + "partition to count each event once.");
    }
}
