using System.Text.Json;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Actions;

/// <summary>
/// One item of config/configreferences/appsettings: the setting's vault, secret, pinned version (if any), the
/// version in use (activeVersion) and status (Resolved, Initialized, AccessToKeyVaultDenied, SecretNotFound, …).
/// </summary>
internal sealed record KeyVaultReferenceStatus(
    string Setting,
    string? VaultName,
    string? SecretName,
    string? PinnedVersion,
    string? ActiveVersion,
    string Status)
{
    /// <summary>Reads ARM's list; an answer that is not one is never taken as "no references".</summary>
    /// <exception cref="InvalidDataException">
    /// The answer is not JSON, has no "value" array, or an item or its properties is not an object (an HTML page
    /// from a proxy, a null list): a failed read, to be tried again later.
    /// </exception>
    public static IReadOnlyList<KeyVaultReferenceStatus> ReadAll(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw Unreadable("is not JSON");
        }

        using (document)
        {
            if (JsonFields.Find(document.RootElement, "value") is not { ValueKind: JsonValueKind.Array } items)
            {
                throw Unreadable("has no \"value\" list");
            }

            return [.. items.EnumerateArray().Select(Read)];
        }
    }

    private static InvalidDataException Unreadable(string problem) =>
        new($"The configuration references answer {problem}; expected ARM's {{\"value\": [...]}} list.");

    /// <summary>True when this reference follows the changed secret (a pinned version never does).</summary>
    public bool Refers(SecretChange change) =>
        string.Equals(VaultName, change.Store.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(SecretName, change.Name, StringComparison.OrdinalIgnoreCase)
        && PinnedVersion is null;

    public OutcomeCheck Check(SecretChange change)
    {
        if (Status.Equals("Initialized", StringComparison.OrdinalIgnoreCase))
        {
            return new OutcomeCheck(Freshness.Pending, $"{Setting} is still resolving");
        }

        if (IsBlocking(Status))
        {
            return new OutcomeCheck(Freshness.Blocked, $"{PrintableText.Of(Setting)} reports "
                + $"{PrintableText.Of(Status)}, which no restart fixes");
        }

        if (!Status.Equals("Resolved", StringComparison.OrdinalIgnoreCase))
        {
            return new OutcomeCheck(Freshness.Stale, $"{PrintableText.Of(Setting)} reports {PrintableText.Of(Status)}");
        }

        return ActiveVersion is null || ActiveVersion.Equals(change.Version, StringComparison.OrdinalIgnoreCase)
            ? new OutcomeCheck(Freshness.Fresh, $"{Setting} resolved")
            : new OutcomeCheck(Freshness.Pending, $"{Setting} still uses version {ActiveVersion}");
    }

    /// <summary>
    /// Statuses that name missing access or a missing or malformed target: they last until someone changes the
    /// app's identity, the vault's policy or the setting. FetchTimedOut, OtherReasons and unknown ones may pass.
    /// </summary>
    public static bool IsBlocking(string status) =>
        BlockingStatuses.Contains(status)
        || status.Contains("Denied", StringComparison.OrdinalIgnoreCase)
        || status.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase)
        || status.Contains("Forbidden", StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> BlockingStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "AccessToKeyVaultDenied", "MSINotEnabled", "UnauthorizedClient", "VaultNotFound", "SecretNotFound",
        "SecretVersionNotFound", "InvalidSyntax", "ManagedIdentityNotFound", "UserAssignedIdentityNotFound",
    };

    private static KeyVaultReferenceStatus Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Unreadable($"holds a {item.ValueKind} item");
        }

        var properties = JsonFields.Find(item, "properties") ?? item;
        if (properties.ValueKind != JsonValueKind.Object)
        {
            throw Unreadable($"holds an item whose properties are {properties.ValueKind}");
        }

        return new KeyVaultReferenceStatus(
            JsonFields.Text(item, "name") ?? "a setting",
            JsonFields.Text(properties, "vaultName"),
            JsonFields.Text(properties, "secretName"),
            JsonFields.Text(properties, "secretVersion"),
            JsonFields.Text(properties, "activeVersion"),
            JsonFields.Text(properties, "status") ?? "Unknown");
    }
}
