using OpenDownloads.Streaming;

namespace OpenDownloads.Functions.Counting;

/// <summary>
/// The app's one stream path. Its table and container are created before the first batch uses them; a failed
/// attempt is tried again by the next batch rather than remembered.
/// </summary>
internal sealed class StreamCountingHost(StreamStorage storage, StreamPipeline pipeline)
{
    private readonly Lock _gate = new();
    private Task? _created;

    public async Task<StreamPipeline> GetAsync(CancellationToken cancellationToken)
    {
        Task created;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = storage.EnsureCreatedAsync(CancellationToken.None);
            }

            created = _created;
        }

        await created.WaitAsync(cancellationToken);
        return pipeline;
    }
}
