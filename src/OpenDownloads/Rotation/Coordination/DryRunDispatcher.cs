using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// Logs the ARM calls a consumer's first action and its outcome check would make, and makes none. It writes no
/// ledger row and no batch, so repeated dry runs of one event plan the same calls. Escalations depend on ARM's
/// answers, so a plan shows the first step only.
/// </summary>
internal sealed class DryRunDispatcher(ActionExecutor executor, ILogger<DryRunDispatcher> logger) : IConsumerDispatcher
{
    private readonly List<PlannedCall> _calls = [];

    /// <summary>
    /// Keep the planned calls in <see cref="Calls"/> (odl rotation simulate); a long-running host only logs them.
    /// </summary>
    public bool KeepCalls { get; init; }

    public IReadOnlyList<PlannedCall> Calls => _calls;

    public Task DispatchAsync(
        Consumer consumer,
        IReadOnlyList<SecretChange> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        foreach (var call in executor.OperatorFor(consumer).Plan(consumer, consumer.Action))
        {
            var query = call.Query.Count > 0 ? $"&{call.ExtraQuery}" : string.Empty;
            Log.DryRunCall(logger, consumer.Name, call.Method, call.Path, call.ApiVersion, query);
            if (KeepCalls)
            {
                _calls.Add(new PlannedCall(consumer.Name, call));
            }
        }

        return Task.CompletedTask;
    }
}
