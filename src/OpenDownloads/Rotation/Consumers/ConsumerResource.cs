using System.Text.RegularExpressions;

namespace OpenDownloads.Rotation.Consumers;

/// <summary>An App Service site (optionally a slot) or a Container App, read from its ARM id.</summary>
internal readonly partial record struct ConsumerResource(ConsumerKind Kind, string ResourceId, string? Slot)
{
    /// <summary>The path actions address: the site, its slot, or the container app.</summary>
    public string Path => Slot is null ? ResourceId : $"{ResourceId}/slots/{Slot}";

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

    [GeneratedRegex(
        @"^(?<id>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
        + @"(?<provider>Microsoft\.Web/sites|Microsoft\.App/containerApps)/[A-Za-z0-9][A-Za-z0-9-]*)"
        + @"(/slots/(?<slot>[A-Za-z0-9][A-Za-z0-9-]*))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResourceIdPattern();
}
