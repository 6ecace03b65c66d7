using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Output;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Tests.Streaming;

/// <summary>oDL's demo file through the stream path against Azurite: the same result as odl count, always.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class StreamExactnessAzuriteTests
{
    [Fact]
    public async Task Close_DemoFileSplitShuffledAndRedelivered_WritesOdlCountFilesByteForByte()
    {
        var records = OdlCountReference.Demo.Value;
        await using var harness = await StreamHarness.StartAsync();
        var options = new DeliveryOptions { Partitions = 4, BatchSize = 17, RedeliverFraction = 0.3, Shuffle = true };

        await harness.DeliverAsync(DeliveryPlanner.Plan(StreamHarness.Bodies(records), options, new Random(4)));
        var closed = Assert.Single(await harness.CloseAllAsync());

        var expected = OdlCountReference.Count(records, StreamHarness.Salt);
        Assert.Equal(270, closed.Report.Total);
        Assert.Equal("2022/09/20/", closed.Folder);
        var files = OdlOutputWriter.Render(expected).ToList();
        Assert.Equal(files.Select(f => "2022/09/20/" + f.Key).Order(), (await harness.ListAsync("2022/")).Order());
        foreach (var (name, content) in files)
        {
            Assert.Equal(content, await harness.ReadTextAsync("2022/09/20/" + name));
        }
    }

    [Fact]
    public async Task Close_DemoFile_TotalsAreFinalAndMatchOdlCountSummary()
    {
        var records = OdlCountReference.Demo.Value;
        await using var harness = await StreamHarness.StartAsync();
        var plan = DeliveryPlanner.Plan(StreamHarness.Bodies(records), new DeliveryOptions { BatchSize = 50 }, new Random(1));

        await harness.DeliverAsync(plan);
        await harness.CloseAllAsync();

        using var totals = JsonDocument.Parse(await harness.ReadTextAsync("totals/2022/09/20.json"));
        using var expected = JsonDocument.Parse(CountReportJson.Render(OdlCountReference.Count(records, StreamHarness.Salt)));
        Assert.True(totals.RootElement.GetProperty("final").GetBoolean());
        Assert.Equal(0, totals.RootElement.GetProperty("late").GetInt64());
        Assert.Equal("2022-09-20T00:00:00Z", totals.RootElement.GetProperty("day").GetString());
        foreach (var property in expected.RootElement.EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), totals.RootElement.GetProperty(property.Name).GetRawText());
        }
    }

    [Fact]
    public void Handle_AnySplitOrderAndRedelivery_AlwaysGivesOdlCountsResult()
    {
        // A third of the demo file keeps each run to about a second against Azurite.
        var records = OdlCountReference.Demo.Value.Where((_, i) => i % 3 == 0).ToList();
        var expected = Summary(OdlCountReference.Count(records, StreamHarness.Salt));
        var plans = Gen.Choose(1, 5).Zip(Gen.Choose(1, 40)).Zip(Gen.Choose(0, 60).Zip(Gen.Choose(0, int.MaxValue)));

        Prop.ForAll(plans.ToArbitrary(), plan =>
        {
            var ((partitions, batchSize), (redeliverPercent, seed)) = plan;
            var options = new DeliveryOptions
            {
                Partitions = partitions,
                BatchSize = batchSize,
                RedeliverFraction = redeliverPercent / 100.0,
                Shuffle = true,
            };
            return StreamedSummary(records, options, seed).GetAwaiter().GetResult() == expected;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(6));
    }

    private static async Task<string> StreamedSummary(IReadOnlyList<RawRecord> records, DeliveryOptions options, int seed)
    {
        await using var harness = await StreamHarness.StartAsync();
        await harness.DeliverAsync(DeliveryPlanner.Plan(StreamHarness.Bodies(records), options, new Random(seed)));
        var closed = await harness.CloseAllAsync();
        return Summary(new CountReport(
            closed.Sum(d => d.Report.Events),
            closed.Sum(d => d.Report.DeniedIp),
            closed.Sum(d => d.Report.Bots),
            closed.Sum(d => d.Report.Rejected),
            [.. closed.SelectMany(d => d.Report.Downloads)]));
    }

    private static string Summary(CountReport report) =>
        CountReportJson.Render(report) + string.Join('\n', report.Downloads.Select(d => d.ToString()));
}
