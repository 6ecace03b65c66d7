using OpenDownloads.Rotation;
using OpenDownloads.Rotation.Alerts;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Cli.Rotation;

/// <summary>
/// Runs every consumer even when one fails, so one refused consumer does not hide the others; the failures are
/// kept, each with its consumer's name, for the run's last lines and exit code, and each posts one alert, as the
/// queue path does after its last attempt. The ARM calls made meanwhile are recorded under the consumer's name.
/// </summary>
internal sealed class ContinuingDispatcher(IConsumerDispatcher inner, RecordingArmClient arm, IAlertSink alerts)
    : IConsumerDispatcher
{
    private readonly List<string> _failures = [];
    private readonly List<string> _failed = [];
    private int _dispatched;

    /// <summary>One line per failed consumer: its name and why.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>The last line of a run with failures: how many consumers failed, and which.</summary>
    public string Summary =>
        $"{_failed.Count} of {_dispatched} consumer action(s) failed: {string.Join(", ", _failed)}.";

    public async Task DispatchAsync(
        Consumer consumer,
        IReadOnlyList<SecretChange> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        _dispatched++;
        using var naming = arm.ActFor(consumer.Name);
        try
        {
            await inner.DispatchAsync(consumer, changes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is Azure.RequestFailedException or InvalidOperationException
            or HttpRequestException or TimeoutException or IOException or FormatException
            or InvalidDataException)
        {
            // A FormatException here is an unreadable ARM answer, not a bad event file: the file was read before.
            var reason = ArmFailures.Describe(problem, consumer.Kind);
            _failed.Add(PrintableText.Escape(consumer.Name));
            _failures.Add($"Consumer '{PrintableText.Escape(consumer.Name)}' failed: {reason}");
            var text = $"Consumer {consumer.Name} ({consumer.Resource.Path}) is not on the new value of "
                + $"{string.Join(", ", changes.Select(change => change.Key))} after odl rotation simulate's run "
                + $"(its ARM retries and escalation). Reason: {reason.TrimEnd('.')}.";
            var alert = new RotationAlert($"Rotation failed for {consumer.Name}", text, AlertSeverity.Error);
            await alerts.PostAsync(alert, cancellationToken).ConfigureAwait(false);
        }
    }
}
