using OpenDownloads.Counting;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting;

public sealed class RecordBatcherTests
{
    [Fact]
    public void Fill_MoreRecordsThanABatch_SendsEveryResultOnceInOrderAndRefillsReusedBatches()
    {
        var sut = new RecordBatcher<long>();
        var records = Enumerable.Range(1, 600).Select(i => new RawRecord(new RecordLocation("test.log", i, i)));
        var sent = new List<long>();
        var batches = new List<long[]>();

        sut.Fill(records, record => record.Location.Record, (batch, count) =>
        {
            sent.AddRange(batch.Take(count));
            batches.Add(batch);
            sut.Reuse(batch);
        });

        Assert.Equal(Enumerable.Range(1, 600).Select(i => (long)i), sent);
        Assert.Equal(3, batches.Count); // 256, 256 and the last 88
        Assert.Single(batches.Distinct()); // each batch, once read, was filled again
    }
}
