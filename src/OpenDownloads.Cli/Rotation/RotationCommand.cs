using System.CommandLine;

namespace OpenDownloads.Cli.Rotation;

/// <summary>Declares <c>odl rotation simulate EVENT.json --config CONSUMERS.json [--dry-run]</c>.</summary>
internal static class RotationCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var eventFile = new Argument<string>("event")
        {
            Description = "An event file: Event Grid or CloudEvents schema, one event or an array, raw or Base64 JSON.",
        };
        var config = new Option<string>("--config")
        {
            Description = "The consumers configuration, shaped like samples/rotation/consumers.json "
                + "({\"Rotation\": {…}}).",
            Required = true,
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Print the ARM calls that would be made and make none.",
        };

        var simulate = new Command("simulate", "Run the rotation responder on a local event file; print one "
            + "JSON object per ARM call.")
        {
            eventFile, config, dryRun,
        };
        simulate.SetAction((result, cancellationToken) => new SimulateRunner(output, error).RunAsync(
            result.GetValue(eventFile)!, result.GetValue(config)!, result.GetValue(dryRun), cancellationToken));

        return new Command("rotation", "Bring apps onto rotated Key Vault secrets and App Configuration "
            + "values.") { simulate };
    }
}
