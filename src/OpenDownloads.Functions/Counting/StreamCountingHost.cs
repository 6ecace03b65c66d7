using OpenDownloads.Streaming;

namespace OpenDownloads.Functions.Counting;

/// <summary>The app's one stream path; its table and container are created before the first batch uses them.</summary>
internal sealed class StreamCountingHost(StreamStorage storage, StreamPipeline pipeline)
{
    private readonly Lazy<Task> _created = new(() => storage.EnsureCreatedAsync(CancellationToken.None));

    public async Task<StreamPipeline> GetAsync(CancellationToken cancellationToken)
    {
        await _created.Value.WaitAsync(cancellationToken);
        return pipeline;
    }
}
