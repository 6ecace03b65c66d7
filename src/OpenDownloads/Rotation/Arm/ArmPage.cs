using System.Text.Json;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Arm;

/// <summary>One page of an ARM list: its "value" items and the nextLink to the next page, if any.</summary>
internal sealed record ArmPage(IReadOnlyList<JsonElement> Items, string? NextLink)
{
    /// <param name="body">ARM's answer.</param>
    /// <param name="what">What the list holds, for the message ("revisions", "configuration references").</param>
    /// <exception cref="InvalidDataException">
    /// The answer is not JSON or has no "value" array (an HTML page from a proxy, a null list): a failed read, to
    /// be tried again later, never an empty list.
    /// </exception>
    public static ArmPage Parse(BinaryData body, string what)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw Unreadable(what, "is not JSON");
        }

        using (document)
        {
            if (JsonFields.Find(document.RootElement, "value") is not { ValueKind: JsonValueKind.Array } items)
            {
                throw Unreadable(what, "has no \"value\" list");
            }

            var next = JsonFields.Text(document.RootElement, "nextLink");
            return new ArmPage([.. items.EnumerateArray().Select(item => item.Clone())], next);
        }
    }

    public static InvalidDataException Unreadable(string what, string problem) =>
        new($"The {what} answer {problem}; expected ARM's {{\"value\": [...]}} list.");
}
