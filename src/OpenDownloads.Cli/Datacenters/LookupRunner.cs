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
        foreach (var text in addresses)
        {
            if (!IpAddressParser.TryParse(text.AsSpan().Trim(), out var address))
            {
                await error.WriteLineAsync($"odl: '{text}' is not an IP address; expected an IPv4 or IPv6 address.");
                exitCode = ExitCodes.BadInput;
                continue;
            }

            await output.WriteLineAsync(ranges.TryFind(address, out var range)
                ? $"{text}\t{range.Range}\t{range.Name}\t{range.Url}"
                : $"{text}\tnot a datacenter address");
        }

        return exitCode;
    }
}
