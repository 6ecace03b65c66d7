using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation;
using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Alerts;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Cli.Rotation;

/// <summary>
/// Runs the responder on one event file: with --dry-run it plans each consumer's calls; without, it makes them
/// against the configured ARM endpoint, all events of the file for one consumer giving one action, deduplicated
/// in memory for the run. Prints one JSON object per call on standard output (a real call also names its
/// consumer and ARM's status, or the error); logs go to standard error.
/// </summary>
internal sealed class SimulateRunner(TextWriter output, TextWriter error)
{
    /// <summary>An action ran but failed (an ARM error, or still stale at the top of its ladder).</summary>
    public const int ActionFailed = 1;

    public async Task<int> RunAsync(
        string eventPath,
        string configPath,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        RotationSettings settings;
        BinaryData body;
        try
        {
            var read = RotationConfiguration.ReadFile(configPath);
            if (read.Consumers.All.Count == 0)
            {
                throw new RotationConfigurationException($"The configuration file '{configPath}' lists no "
                    + "consumers; expected at least one under Rotation:Consumers.");
            }

            settings = dryRun ? read with { DryRun = true } : read;
            body = BinaryData.FromBytes(await File.ReadAllBytesAsync(eventPath, cancellationToken));
        }
        catch (Exception problem)
            when (problem is RotationConfigurationException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(problem.Message);
            return ExitCodes.BadInput;
        }

        try
        {
            // Read here so that a bad file is reported once, naming it, and not also logged by the responder.
            RotationEventParser.Parse(body);
        }
        catch (FormatException problem)
        {
            await error.WriteLineAsync($"{eventPath}: {problem.Message}");
            return ExitCodes.BadInput;
        }

        using var loggers = new TextWriterLoggerFactory(error);
        var time = TimeProvider.System;
        // A stand-in that is not running fails at once instead of after each consumer's retries (README).
        var armSettings = settings.Arm with { RetryConnectFailures = false };
        var arm = new RecordingArmClient(ArmClientFactory.Create(armSettings, null, null, time, loggers));
        var executor = new ActionExecutor(
            new AppServiceOperator(arm),
            new ContainerAppOperator(arm, time),
            settings,
            time,
            loggers.CreateLogger<ActionExecutor>());
        var ledger = new MemoryChangeLedger();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var alerts = new WebhookAlertSink(http, settings.AlertWebhook, loggers.CreateLogger<WebhookAlertSink>());
        var planner = new DryRunDispatcher(executor, loggers.CreateLogger<DryRunDispatcher>()) { KeepCalls = true };
        var runner = new ContinuingDispatcher(
            new InlineDispatcher(ledger, executor, loggers.CreateLogger<InlineDispatcher>()), arm, alerts);
        IConsumerDispatcher dispatcher = settings.DryRun ? planner : runner;
        var responderLogger = loggers.CreateLogger<RotationResponder>();
        var responder = new RotationResponder(settings, dispatcher, ledger, alerts, responderLogger);

        var exitCode = ExitCodes.Success;
        try
        {
            await responder.HandleAsync(body, cancellationToken);
        }
        catch (FormatException problem)
        {
            await error.WriteLineAsync($"{eventPath}: {problem.Message}");
            return ExitCodes.BadInput;
        }

        foreach (var failure in runner.Failures)
        {
            await error.WriteLineAsync(failure);
            exitCode = ActionFailed;
        }

        if (exitCode == ActionFailed)
        {
            await error.WriteLineAsync(runner.Summary);
        }

        var lines = settings.DryRun
            ? planner.Calls.Select(planned => planned.Call.ToJsonLine(planned.Consumer))
            : arm.Calls.Select(call => call.ToJsonLine());
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }

        return exitCode;
    }
}
