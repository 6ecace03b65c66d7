namespace OpenDownloads.Rotation.Consumers;

/// <summary>What is done to a consumer to bring it onto a new value, mildest first.</summary>
internal enum ConsumerAction
{
    /// <summary>App Service: re-fetch Key Vault references (config/configreferences/appsettings/refresh).</summary>
    RefreshReferences,

    /// <summary>
    /// App Service: restart?softRestart=true, which applies configuration and restarts only if needed.
    /// </summary>
    SoftRestart,

    /// <summary>App Service: a full restart; Container Apps: restart every active revision.</summary>
    Restart,

    /// <summary>Container Apps: a new revision (a new template revisionSuffix), the "force new deployment".</summary>
    NewRevision,
}
