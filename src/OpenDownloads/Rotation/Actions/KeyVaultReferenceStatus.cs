using System.Text.Json;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;
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
    public const string ListName = "configuration references";

    /// <summary>Reads every page of the site's or slot's configuration references.</summary>
    /// <exception cref="InvalidDataException">A page is not ARM's list: a failed read, tried again later.</exception>
    /// <exception cref="InvalidOperationException">A nextLink leaves ARM's host, or pages never end.</exception>
    public static async Task<IReadOnlyList<KeyVaultReferenceStatus>> ReadAllAsync(
        IArmClient arm,
        ConsumerResource site,
        CancellationToken cancellationToken)
    {
        var items = await ArmPages.ReadAllAsync(arm, AppServiceCalls.ReadReferences(site), ListName, cancellationToken)
            .ConfigureAwait(false);
        return [.. items.Select(Read)];
    }

    /// <summary>Reads one page of ARM's list; an answer that is not one is never taken as "no references".</summary>
    /// <exception cref="InvalidDataException">
    /// The answer is not JSON, has no "value" array, or an item or its properties is not an object (an HTML page
    /// from a proxy, a null list): a failed read, to be tried again later.
    /// </exception>
    public static IReadOnlyList<KeyVaultReferenceStatus> ReadAll(BinaryData body) =>
        [.. ArmPage.Parse(body, ListName).Items.Select(Read)];

    private static InvalidDataException Unreadable(string problem) => ArmPage.Unreadable(ListName, problem);

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
    /// The documented resolve statuses (App Service's ResolveStatus) that last until someone changes the setting,
    /// the app's identity, the vault's access or the secret: no restart fixes them. The others are Initialized
    /// (pending), Resolved, and FetchTimedOut and OtherReasons, which may pass; an undocumented status may too.
    /// </summary>
    public static bool IsBlocking(string status) => BlockingStatuses.Contains(status);

    private static readonly HashSet<string> BlockingStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "InvalidSyntax", "MSINotEnabled", "VaultNotFound", "SecretNotFound", "SecretVersionNotFound",
        "AccessToKeyVaultDenied", "UnauthorizedClient",
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
