namespace OpenDownloads.Datacenters;

/// <summary>
/// Cuts a sorted array of range starts into 65,536 buckets by the top 16 bits of an address, so a lookup
/// binary-searches the few ranges of one bucket instead of all of them.
/// </summary>
internal sealed class RangeBuckets
{
    private const int Buckets = 1 << 16;

    // _firstIndex[b] is the index of the first start at or after bucket b's first address; one more entry closes
    // the last bucket.
    private readonly int[] _firstIndex = new int[Buckets + 1];

    /// <param name="sortedStarts">The range starts, ascending.</param>
    /// <param name="bucketStart">The first address of a bucket, ascending with the bucket.</param>
    public RangeBuckets(UInt128[] sortedStarts, Func<int, UInt128> bucketStart)
    {
        var starts = sortedStarts.AsSpan();
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            var index = starts.BinarySearch(bucketStart(bucket));
            // Starts are distinct, as the ranges are disjoint, so a hit is the first start at or after.
            _firstIndex[bucket] = index >= 0 ? index : ~index;
        }

        _firstIndex[Buckets] = sortedStarts.Length;
    }

    /// <summary>
    /// Returns the index range of the starts in an address's bucket; the range that may hold the address starts
    /// there or is the one just before.
    /// </summary>
    public (int First, int End) Slice(int bucket) => (_firstIndex[bucket], _firstIndex[bucket + 1]);
}
