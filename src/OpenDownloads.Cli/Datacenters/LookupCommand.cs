using System.CommandLine;

namespace OpenDownloads.Cli.Datacenters;

/// <summary>Declares <c>odl datacenters lookup</c>.</summary>
internal static class LookupCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var addresses = new Argument<string[]>("addresses")
        {
            Description = "IPv4 or IPv6 addresses to look up.",
            Arity = ArgumentArity.OneOrMore,
        };
        var datacenters = new Option<string[]>("--datacenters")
        {
            Description = "Lists in ipcat's format as paths, URLs or a rebuild's --out folder (repeatable). "
                + "Default: ipcat's list.",
        };
        var command = new Command("lookup", "Say which provider's range holds each address, if any.")
        {
            addresses, datacenters,
        };
        command.SetAction((result, cancellationToken) => new LookupRunner(output, error).RunAsync(
            result.GetValue(addresses) ?? [], result.GetValue(datacenters) ?? [], cancellationToken));
        return command;
    }
}
