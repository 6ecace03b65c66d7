using Microsoft.Azure.Functions.Worker.Core;

namespace OpenDownloads.Functions.Tests.Counting;

/// <summary>A batch of events as the host sends it for cardinality many.</summary>
internal sealed class FakeCollectionModelBindingData(ModelBindingData[] items) : CollectionModelBindingData
{
    public override ModelBindingData[] ModelBindingData => items;
}
