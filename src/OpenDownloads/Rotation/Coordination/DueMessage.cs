using System.Text.Json;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>The actions queue's message: run this consumer's batch of this generation; this is attempt N.</summary>
internal sealed record DueMessage(string Consumer, long Generation, int Attempt)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <exception cref="FormatException">The text is not a due message.</exception>
    public static DueMessage Parse(BinaryData body)
    {
        try
        {
            var message = JsonSerializer.Deserialize<DueMessage>(MessageText.ToJson(body).Span, Options);
            return message is { Consumer.Length: > 0, Attempt: > 0 }
                ? message
                : throw new FormatException("The actions message lacks a consumer or attempt; expected "
                    + "{consumer, generation, attempt}.");
        }
        catch (JsonException error)
        {
            throw new FormatException($"The actions message is not valid JSON ({error.Message}); expected "
                + $"{{consumer, generation, attempt}}.", error);
        }
    }
}
