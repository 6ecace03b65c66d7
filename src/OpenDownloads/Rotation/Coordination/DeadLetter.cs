using System.Text.Json;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>What goes to the poison queue when a consumer keeps failing: the reason and what was being done.</summary>
internal sealed record DeadLetter(
    string Reason,
    string Consumer,
    string Resource,
    IReadOnlyList<string> Changes,
    int Attempts,
    string LastAction,
    DateTimeOffset FailedAt)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static DeadLetter For(
        Consumer consumer,
        IEnumerable<SecretChange> changes,
        string reason,
        int attempts,
        ConsumerAction lastAction,
        DateTimeOffset failedAt)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        return new DeadLetter(
            reason,
            consumer.Name,
            consumer.Resource.Path,
            [.. changes.Select(change => change.Key)],
            attempts,
            lastAction.ToString(),
            failedAt);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
