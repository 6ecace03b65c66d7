using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Actions;

/// <summary>The Microsoft.Web calls on a site or slot path.</summary>
internal static class AppServiceCalls
{
    /// <summary>The api-version the App Service documentation gives for the Key Vault reference refresh.</summary>
    public const string ReferencesApiVersion = "2022-03-01";

    public const string RestartApiVersion = "2024-04-01";

    public static ArmCall For(ConsumerResource site, ConsumerAction action) => action switch
    {
        ConsumerAction.RefreshReferences => new ArmCall(
            "POST", $"{site.Path}/config/configreferences/appsettings/refresh", ReferencesApiVersion),
        ConsumerAction.SoftRestart => new ArmCall("POST", $"{site.Path}/restart", RestartApiVersion)
        {
            Query = [new("softRestart", "true")],
        },
        ConsumerAction.Restart => new ArmCall("POST", $"{site.Path}/restart", RestartApiVersion),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Expected an App Service action."),
    };

    public static ArmCall ReadReferences(ConsumerResource site) =>
        new("GET", $"{site.Path}/config/configreferences/appsettings", ReferencesApiVersion);
}
