using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Finds the ARM id of the App Service app (and slot) the responder runs in from the settings App Service sets:
/// WEBSITE_OWNER_NAME ("{subscription}+{group}-{region}webspace"), WEBSITE_RESOURCE_GROUP, WEBSITE_SITE_NAME and
/// WEBSITE_SLOT_NAME. Elsewhere (Container Apps, locally) there are none and Rotation:SelfResourceId is used.
/// </summary>
internal static class SelfResource
{
    public static string? FromAppService(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var owner = configuration["WEBSITE_OWNER_NAME"];
        var group = configuration["WEBSITE_RESOURCE_GROUP"];
        var site = configuration["WEBSITE_SITE_NAME"];
        var plus = owner?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        if (plus <= 0 || string.IsNullOrWhiteSpace(group) || string.IsNullOrWhiteSpace(site))
        {
            return null;
        }

        var id = $"/subscriptions/{owner![..plus]}/resourceGroups/{group}/providers/Microsoft.Web/sites/{site}";
        var slot = configuration["WEBSITE_SLOT_NAME"];
        return string.IsNullOrWhiteSpace(slot) || slot.Equals("Production", StringComparison.OrdinalIgnoreCase)
            ? id
            : $"{id}/slots/{slot}";
    }
}
