using System.Globalization;
using System.Net;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Benchmarks.Generation;

/// <summary>
/// Generates a realistic, seeded podcast request log: listeners (an address and a user agent) come back to a few
/// hundred episodes over two days in short sessions of a probe, ranges, whole files and the odd HEAD; a share of
/// sessions comes from datacenter addresses drawn from the datacenter list itself, IPv4 and IPv6.
/// </summary>
internal sealed class EventMixGenerator
{
    private const int DatacenterPoolSize = 4096;
    private const int Megabyte = 1024 * 1024;
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";

    private readonly EventMixSettings _settings;
    private readonly IReadOnlyList<string> _agents;
    private readonly DatacenterRangeSet _datacenters;

    public EventMixGenerator(EventMixSettings settings, IReadOnlyList<string> agents, DatacenterRangeSet datacenters)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(datacenters);
        if (agents.Count == 0)
        {
            throw new ArgumentException("The user-agent pool is empty; expected OPAWG's examples.", nameof(agents));
        }

        _settings = settings;
        _agents = agents;
        _datacenters = datacenters;
    }

    /// <summary>Yields the events, the same ones in the same order for the same seed and settings.</summary>
    public IEnumerable<GeneratedEvent> Generate()
    {
        var random = new Random(_settings.Seed);
        var agents = _agents.ToArray();
        random.Shuffle(agents);
        var listeners = CreateListeners(random, agents);
        var datacenterIps = CreateDatacenterAddresses(random);
        var episodes = Enumerable.Range(1, _settings.Episodes)
            .Select(i => $"https://media.example.com/shows/{i % 37}/episodes/{i}.mp3?src=feed")
            .ToArray();
        var seconds = _settings.Days * 86_400.0;
        var emitted = 0;
        while (emitted < _settings.Events)
        {
            var fromDatacenter = random.NextDouble() < _settings.DatacenterShare;
            var (ip, agent) = fromDatacenter
                ? (datacenterIps[random.Next(datacenterIps.Length)], agents[random.Next(agents.Length)])
                : listeners[Skewed(random, listeners.Length)];
            var episode = episodes[Skewed(random, episodes.Length)];
            var referer = random.Next(10) == 0 ? "https://podcasts.example.org/show" : string.Empty;
            var time = _settings.Start.UtcDateTime.AddSeconds(random.NextDouble() * seconds);
            var requests = Math.Min(1 + random.Next(4), _settings.Events - emitted);
            for (var i = 0; i < requests; i++)
            {
                time = time.AddMilliseconds(random.Next(30_000));
                var (method, start, end) = Request(random, first: i == 0);
                yield return new GeneratedEvent(
                    ip,
                    agent,
                    referer,
                    method,
                    time.ToString(TimestampFormat, CultureInfo.InvariantCulture),
                    episode,
                    start,
                    end,
                    fromDatacenter);
            }

            emitted += requests;
        }
    }

    // A session opens with a probe a third of the time; then whole files, open ranges, chunks and the odd HEAD.
    private static (string Method, int? Start, int? End) Request(Random random, bool first)
    {
        if (first && random.NextDouble() < 0.35)
        {
            return ("GET", 0, 1);
        }

        var pick = random.NextDouble();
        if (pick < 0.05)
        {
            return ("HEAD", null, null);
        }

        if (pick < 0.5)
        {
            return ("GET", 0, null);
        }

        if (pick < 0.8)
        {
            var chunk = random.Next(40);
            return ("GET", chunk * Megabyte, ((chunk + 1) * Megabyte) - 1);
        }

        return ("GET", null, null);
    }

    // Some listeners and episodes are far more popular than others.
    private static int Skewed(Random random, int count)
    {
        var u = random.NextDouble();
        return (int)(count * u * u);
    }

    private (string Ip, string Agent)[] CreateListeners(Random random, string[] agents)
    {
        var listeners = new (string Ip, string Agent)[_settings.ListenerCount];
        for (var i = 0; i < listeners.Length; i++)
        {
            // Every agent appears; the rest are skewed towards the popular few.
            var agent = i < agents.Length ? agents[i] : agents[Skewed(random, agents.Length)];
            listeners[i] = (ListenerAddress(random), agent);
        }

        return listeners;
    }

    private string ListenerAddress(Random random)
    {
        while (true)
        {
            var address = random.NextDouble() < _settings.Ipv6Share ? RandomIpv6(random) : RandomIpv4(random);
            if (!_datacenters.TryFind(address, out _))
            {
                return address.ToString();
            }
        }
    }

    private static IPAddress RandomIpv4(Random random)
    {
        Span<byte> bytes = stackalloc byte[4];
        random.NextBytes(bytes);
        bytes[0] = (byte)(1 + (bytes[0] % 223));
        return new IPAddress(bytes);
    }

    private static IPAddress RandomIpv6(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[0] = 0x2a;
        bytes[1] &= 0x0f;
        return new IPAddress(bytes);
    }

    private string[] CreateDatacenterAddresses(Random random)
    {
        var v4 = _datacenters.Ranges.Where(r => IpAddressSpace.IsIPv4(r.Range.Start)).ToArray();
        var v6 = _datacenters.Ranges.Where(r => !IpAddressSpace.IsIPv4(r.Range.Start)).ToArray();
        if (v4.Length == 0 && v6.Length == 0)
        {
            throw new InvalidOperationException("The datacenter list is empty; expected ranges to draw from.");
        }

        var addresses = new string[DatacenterPoolSize];
        for (var i = 0; i < addresses.Length; i++)
        {
            var useV6 = v6.Length > 0 && (v4.Length == 0 || random.NextDouble() < _settings.Ipv6Share);
            var ranges = useV6 ? v6 : v4;
            var range = ranges[random.Next(ranges.Length)].Range;
            var span = range.End - range.Start;
            var offset = span > uint.MaxValue ? (UInt128)(uint)random.NextInt64() : (UInt128)(ulong)
                random.NextInt64((long)(ulong)span + 1);
            addresses[i] = IpAddressSpace.Format(range.Start + offset);
        }

        return addresses;
    }
}
