using Azure.Messaging.EventHubs;
using Microsoft.Azure.Functions.Worker.Converters;
using OpenDownloads.Functions.Counting;

namespace OpenDownloads.Functions.Tests.Counting;

public sealed class EventDataBatchConverterTests
{
    private static readonly DateTimeOffset Enqueued = new(2022, 9, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ConvertAsync_HostsAmqpMessages_GivesEventsWithBodySequenceAndOffset()
    {
        var sut = new EventDataBatchConverter();
        var sent = new[] { Event("{\"a\":1}", 41), Event("{\"a\":2}", 42) };
        var batch = new FakeCollectionModelBindingData(
            [.. sent.Select(e => new FakeModelBindingData(e.GetRawAmqpMessage().ToBytes()))]);

        var result = await sut.ConvertAsync(new FakeConverterContext(batch, typeof(EventData[])));

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        var events = Assert.IsType<EventData[]>(result.Value);
        Assert.Equal(["{\"a\":1}", "{\"a\":2}"], events.Select(e => e.EventBody.ToString()));
        Assert.Equal([41L, 42L], events.Select(e => e.SequenceNumber));
        Assert.Equal(["4100", "4200"], events.Select(e => e.OffsetString));
        Assert.All(events, e => Assert.Equal(Enqueued, e.EnqueuedTime));
    }

    [Fact]
    public async Task ConvertAsync_DataFromAnotherSource_Fails()
    {
        var sut = new EventDataBatchConverter();
        var batch = new FakeCollectionModelBindingData(
            [new FakeModelBindingData(Event("{}", 1).GetRawAmqpMessage().ToBytes(), "AzureStorageBlobs")]);

        var result = await sut.ConvertAsync(new FakeConverterContext(batch, typeof(EventData[])));

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Contains("expected AzureEventHubsEventData", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_PlainText_IsLeftToOtherConverters()
    {
        var sut = new EventDataBatchConverter();
        string[] text = ["x"];

        var result = await sut.ConvertAsync(new FakeConverterContext(text, typeof(EventData[])));

        Assert.Equal(ConversionStatus.Unhandled, result.Status);
    }

    private static EventData Event(string body, long sequence) => EventHubsModelFactory.EventData(
        new BinaryData(body), sequenceNumber: sequence, offsetString: $"{sequence}00", enqueuedTime: Enqueued);
}
