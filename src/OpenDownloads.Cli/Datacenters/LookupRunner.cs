using OpenDownloads.Datacenters;
using OpenDownloads.ReferenceData;

namespace OpenDownloads.Cli.Datacenters;

/// <summary>
/// Runs <c>odl datacenters lookup</c>: one line per address, the range and provider or "not a datacenter address".
/// </summary>
internal sealed class LookupRunner(TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(
        IReadOnlyList<string> addresses,
        IReadOnlyList<string> sources,
        CancellationToken cancellationToken)
    {
        DatacenterRangeSet ranges;
        try
        {
            using var http = ReferenceDataLoader.CreateHttpClient();
            var cache = new ReferenceDataCache(http, ReferenceDataCache.DefaultDirectory());
            ranges = await ReferenceDataLoader.LoadDatacentersAsync(cache, sources, cancellationToken);
        }
        catch (ReferenceDataException failure)
        {
            await error.WriteLineAsync($"odl: {failure.Message}");
            return ExitCodes.BadInput;
        }

        var exitCode = ExitCodes.Success;
        var warned = new HashSet<bool>();
        foreach (var text in addresses)
        {
            if (!IpAddressParser.TryParse(text.AsSpan().Trim(), out var address))
            {
                await error.WriteLineAsync($"odl: '{text}' is not an IP address; expected an IPv4 or IPv6 address.");
                exitCode = ExitCodes.BadInput;
                continue;
            }

            // ipcat's list, or one file of a rebuild, holds one IP version only: a miss in the other means nothing.
            var isIPv4 = IpAddressSpace.IsIPv4(address);
            if (!ranges.Ranges.Any(range => range.Range.IsIPv4 == isIPv4) && warned.Add(isIPv4))
            {
                var family = isIPv4 ? "IPv4" : "IPv6";
                await error.WriteLineAsync(
                    $"odl: warning: no {family} ranges were loaded, so no {family} address is found; give a "
                    + $"rebuild's folder, or its {(isIPv4 ? "datacenters.csv" : "datacenters-ipv6.csv")} too.");
            }

            await output.WriteLineAsync(ranges.TryFind(address, out var range)
                ? $"{text}\t{range.Range}\t{range.Name}\t{range.Url}"
                : $"{text}\tnot a datacenter address");
        }

        return exitCode;
    }
}
