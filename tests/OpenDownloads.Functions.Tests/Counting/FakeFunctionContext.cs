using Microsoft.Azure.Functions.Worker;

namespace OpenDownloads.Functions.Tests.Counting;

/// <summary>A function context carrying only the trigger's binding data, as the host fills it for a batch.</summary>
internal sealed class FakeFunctionContext(IReadOnlyDictionary<string, object?> bindingData) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; } = "CountDownloads";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext { get; } = new FakeBindingContext(bindingData);

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    /// <summary>Binding data as the Event Hubs trigger sends it: PartitionContext as JSON text.</summary>
    public static FakeFunctionContext ForPartition(string partitionId) => new(new Dictionary<string, object?>
    {
        ["PartitionContext"] =
            $"{{\"ConsumerGroup\":\"$Default\",\"EventHubName\":\"logs\",\"PartitionId\":\"{partitionId}\"}}",
    });

    private sealed class FakeBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }
}
