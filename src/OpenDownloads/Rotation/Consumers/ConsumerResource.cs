using System.Text.RegularExpressions;

namespace OpenDownloads.Rotation.Consumers;

/// <summary>An App Service site (optionally a slot) or a Container App, read from its ARM id.</summary>
internal readonly partial record struct ConsumerResource(ConsumerKind Kind, string ResourceId, string? Slot)
{
    /// <summary>
    /// The path actions address: the site, its slot, or the container app, each segment escaped so that no part of
    /// an id can add a segment, a query or a fragment.
    /// </summary>
    public string Path => string.Join('/', Segments().Select(Uri.EscapeDataString));

    /// <summary>
    /// True for an App Service deployment slot name: letters, digits and hyphens, starting with a letter or digit,
    /// at most 59 characters, and not "production" (the site itself, addressed without a slot).
    /// </summary>
    public static bool IsSlotName(string? text) =>
        text is not null
        && SlotPattern().IsMatch(text)
        && !text.Equals("production", StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? text, out ConsumerResource resource)
    {
        resource = default;
        var match = text is null ? null : ResourceIdPattern().Match(text.Trim().TrimEnd('/'));
        if (match is not { Success: true })
        {
            return false;
        }

        var kind = match.Groups["provider"].Value.Equals("Microsoft.Web/sites", StringComparison.OrdinalIgnoreCase)
            ? ConsumerKind.AppService
            : ConsumerKind.ContainerApp;
        var slot = match.Groups["slot"].Success ? match.Groups["slot"].Value : null;
        if (kind == ConsumerKind.ContainerApp && slot is not null)
        {
            return false;
        }

        resource = new ConsumerResource(kind, match.Groups["id"].Value, slot);
        return true;
    }

    /// <summary>True when both name the same site and slot or the same container app (ARM ids ignore case).</summary>
    public bool SameTarget(ConsumerResource other) =>
        Kind == other.Kind
        && string.Equals(ResourceId, other.ResourceId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Slot ?? "production", other.Slot ?? "production", StringComparison.OrdinalIgnoreCase);

    private string[] Segments()
    {
        var segments = ResourceId.Split('/');
        return Slot is null ? segments : [.. segments, "slots", Slot];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,58}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlotPattern();

    // Resource group names: letters, digits, '_', '-', '.', '(' and ')', not ending in '.', so never "." or "..".
    [GeneratedRegex(
        @"^(?<id>/subscriptions/[A-Za-z0-9-]+/resourceGroups/[-\w.()]{0,89}[-\w()]/providers/"
        + @"(?<provider>Microsoft\.Web/sites|Microsoft\.App/containerApps)/[A-Za-z0-9][A-Za-z0-9-]*)"
        + @"(/slots/(?<slot>[A-Za-z0-9][A-Za-z0-9-]*))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResourceIdPattern();
}
