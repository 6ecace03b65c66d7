namespace OpenDownloads.Tests.Streaming;

/// <summary>
/// The Azurite tests run one at a time, after the others: they share one emulator, and on a two-core machine their
/// load would otherwise slow the time-bounded tests running beside them (the classifier's 100 ms pattern limit).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AzuriteSerial
{
    public const string Name = "Azurite";
}
