using System.Globalization;
using System.CommandLine;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Cli.Datacenters;

/// <summary>Declares <c>odl datacenters rebuild</c>: its options and help.</summary>
internal static class RebuildCommand
{
    /// <summary>The variable read for a storage connection string when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "AzureWebJobsStorage";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new DatacenterRebuildOptions();
        var baseList = new Option<string?>("--base")
        {
            Description = "Hand-kept base list in ipcat's format, as a path or URL. Default: ipcat's published list.",
        };
        var feeds = new Option<string?>("--feeds")
        {
            Description = "Read provider feeds from this folder (file names as in shared/data/providers) instead "
                + "of fetching.",
        };
        var feedBaseUrl = new Option<string?>("--feed-base-url")
        {
            Description = "Fetch every feed from this mirror, by its local file name, instead of the official URLs.",
        };
        var providers = new Option<string?>("--providers")
        {
            Description = "Providers to fetch, comma-separated (aws,azure,google-cloud,cloudflare,fastly,akamai,oracle,"
                + "digitalocean,linode,vultr). Default: all.",
        };
        var awsServices = new Option<string>("--aws-services")
        {
            Description = "AWS services to keep, comma-separated.",
            DefaultValueFactory = _ => defaults.AwsServices,
        };
        var azureUrl = new Option<string?>("--azure-url")
        {
            Description = "The Azure service tags file's URL. Default: discovered on Microsoft's download page.",
        };
        var outDir = new Option<string?>("--out") { Description = "Write the list's files to this folder." };
        var previousDir = new Option<string?>("--previous")
        {
            Description = "Folder of the last good list to fall back on. Default: --out's current content, if any.",
        };
        var publish = new Option<bool>("--publish")
        {
            Description = "Publish to blob storage: a new dated version, then latest.json moved to it.",
        };
        var connection = new Option<string?>("--connection")
        {
            Description = $"Storage connection string for --publish. Default: the {ConnectionVariable} variable.",
        };
        var container = new Option<string>("--container")
        {
            Description = "Blob container for --publish.",
            DefaultValueFactory = _ => defaults.Container,
        };
        var retain = new Option<int>("--retain")
        {
            Description = "Published versions to keep.",
            DefaultValueFactory = _ => defaults.RetainVersions,
        };
        var maxShrink = new Option<double>("--max-shrink")
        {
            Description = "Largest share of a provider's ranges that may vanish before its feed is distrusted.",
            DefaultValueFactory = _ => defaults.MaxShrink,
        };
        var force = new Option<bool>("--force") { Description = "Accept providers that shrank beyond --max-shrink." };
        var timeout = new Option<string>("--timeout")
        {
            Description = "Seconds one attempt at one feed may take, from 0.01 to 86400.",
            DefaultValueFactory = _ => defaults.FeedTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        };
        var attempts = new Option<int>("--attempts")
        {
            Description = "Attempts per feed before its provider counts as failed.",
            DefaultValueFactory = _ => defaults.FeedAttempts,
        };

        var command = new Command("rebuild", "Rebuild the datacenter list from a base list and the providers' feeds.")
        {
            baseList, feeds, feedBaseUrl, providers, awsServices, azureUrl, outDir, previousDir, publish, connection,
            container, retain, maxShrink, force, timeout, attempts,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var problems = new List<string>();
            var rebuild = new DatacenterRebuildOptions
            {
                BaseList = result.GetValue(baseList) ?? defaults.BaseList,
                FeedDirectory = result.GetValue(feeds),
                FeedBaseUrl = ParseUrl(problems, "--feed-base-url", result.GetValue(feedBaseUrl)),
                Providers = result.GetValue(providers) ?? string.Empty,
                AwsServices = result.GetValue(awsServices) ?? defaults.AwsServices,
                AzureServiceTagsUrl = ParseUrl(problems, "--azure-url", result.GetValue(azureUrl)),
                Container = result.GetValue(container) ?? defaults.Container,
                RetainVersions = result.GetValue(retain),
                MaxShrink = result.GetValue(maxShrink),
                Force = result.GetValue(force),
                FeedTimeout = ParseTimeout(problems, result.GetValue(timeout)) ?? defaults.FeedTimeout,
                FeedAttempts = result.GetValue(attempts),
            };
            var connectionValue = result.GetValue(connection);
            var options = new RebuildOptions(
                rebuild,
                result.GetValue(outDir),
                result.GetValue(previousDir),
                result.GetValue(publish),
                connectionValue ?? Environment.GetEnvironmentVariable(ConnectionVariable),
                connectionValue is null ? $"the {ConnectionVariable} variable" : "--connection",
                problems);
            return new RebuildRunner(output, error).RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static TimeSpan? ParseTimeout(List<string> problems, string? value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0.01 and <= 86400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        problems.Add($"--timeout is {value}; expected seconds from 0.01 to 86400, such as 60.");
        return null;
    }

    // System.CommandLine 2.0 has no Uri parser, so URLs arrive as strings and are checked here.
    private static Uri? ParseUrl(List<string> problems, string option, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        problems.Add($"{option} is '{value}'; expected an absolute http(s) URL.");
        return null;
    }
}
