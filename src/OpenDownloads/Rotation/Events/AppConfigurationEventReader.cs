using System.Text.Json;

namespace OpenDownloads.Rotation.Events;

/// <summary>
/// Completes an App Configuration key-value event: the store from the topic (an ARM id) or the subject
/// (https://{store}.azconfig.io/kv/{key}?label={label}); key, label and etag from data.
/// </summary>
internal static class AppConfigurationEventReader
{
    public static RotationEvent Complete(RotationEvent header, string? topic, string? subject, JsonElement? data)
    {
        var storeName = StoreNames.AppConfigurationName(topic) ?? StoreNames.AppConfigurationName(subject);
        var key = data is { } k ? JsonFields.Text(k, "key") : null;
        var label = (data is { } l ? JsonFields.Text(l, "label") : null) ?? string.Empty;
        var etag = data is { } e ? JsonFields.Text(e, "etag") : null;

        var store = storeName is null ? (SecretStore?)null : SecretStore.AppConfiguration(storeName);
        var problem = (store, key, etag) switch
        {
            (null, _, _) => "it names no store (no configurationStores id in topic, no azconfig host in subject)",
            (_, null, _) => "it names no key (no data.key)",
            (_, _, null) => "it names no etag (no data.etag)",
            _ => null,
        };

        return header with
        {
            Store = store,
            Change = problem is null ? new SecretChange(store!.Value, key!, label, etag!) : null,
            Problem = problem,
        };
    }
}
