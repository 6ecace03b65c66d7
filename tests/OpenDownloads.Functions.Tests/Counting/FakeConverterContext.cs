using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Converters;

namespace OpenDownloads.Functions.Tests.Counting;

/// <summary>A conversion request for the trigger parameter.</summary>
internal sealed class FakeConverterContext(object? source, Type targetType) : ConverterContext
{
    public override Type TargetType => targetType;

    public override object? Source => source;

    public override FunctionContext FunctionContext => FakeFunctionContext.ForPartition("0");

    public override IReadOnlyDictionary<string, object> Properties { get; } = new Dictionary<string, object>();
}
