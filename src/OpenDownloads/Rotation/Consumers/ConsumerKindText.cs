namespace OpenDownloads.Rotation.Consumers;

/// <summary>How a consumer kind is named in a sentence.</summary>
internal static class ConsumerKindText
{
    /// <summary>"an App Service site or slot" or "a container app".</summary>
    public static string WithArticle(ConsumerKind kind) => kind switch
    {
        ConsumerKind.AppService => "an App Service site or slot",
        _ => "a container app",
    };
}
