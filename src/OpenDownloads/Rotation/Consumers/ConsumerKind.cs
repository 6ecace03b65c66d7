namespace OpenDownloads.Rotation.Consumers;

/// <summary>The kind of Azure resource that reads a rotated value.</summary>
internal enum ConsumerKind
{
    /// <summary>An App Service web app or Function App (Microsoft.Web/sites), optionally one slot of it.</summary>
    AppService,

    /// <summary>A Container App (Microsoft.App/containerApps).</summary>
    ContainerApp,
}
