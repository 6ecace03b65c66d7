namespace OpenDownloads.Rotation.Configuration;

/// <summary>One consumer as written in configuration.</summary>
internal sealed class ConsumerOptions
{
    public string? Name { get; set; }

    /// <summary>
    /// …/providers/Microsoft.Web/sites/{name}[/slots/{slot}] or …/providers/Microsoft.App/containerApps/{name}.
    /// </summary>
    public string? ResourceId { get; set; }

    public string? Slot { get; set; }

    /// <summary>RefreshReferences, SoftRestart, Restart or NewRevision; the kind's mildest when empty.</summary>
    public string? Action { get; set; }

    /// <summary>False opts the consumer out.</summary>
    public bool Enabled { get; set; } = true;

    public IList<DependencyOptions> DependsOn { get; } = new List<DependencyOptions>();
}
