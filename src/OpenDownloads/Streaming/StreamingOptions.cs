using System.Globalization;
using System.Text.RegularExpressions;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Streaming;

/// <summary>The stream path's settings, read from the <c>CountDownloads</c> configuration section.</summary>
public sealed partial class StreamingOptions
{
    /// <summary>The configuration section the Functions app reads.</summary>
    public const string SectionName = "CountDownloads";

    /// <summary>The fewest characters a salt may have: oDL's own random salt has 32.</summary>
    public const int MinimumSaltLength = 16;

    /// <summary>Gets or sets the salt for hashing IP addresses (a Key Vault reference in Azure). Never
    /// logged.</summary>
    public string Salt { get; set; } = string.Empty;

    /// <summary>Gets or sets the seconds after 00:00 UTC at which each day starts (oDL's <c>offset</c>).</summary>
    public long OffsetSeconds { get; set; }

    /// <summary>Gets or sets how long after a day ends its late requests are still counted.</summary>
    public TimeSpan Lateness { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Gets or sets how long after that a day is closed, so that no batch still writing to it is
    /// missed.</summary>
    public TimeSpan CloseGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the state table's name.</summary>
    public string TableName { get; set; } = "odlstreaming";

    /// <summary>Gets or sets the container of the days' files, totals and dead letters.</summary>
    public string OutputContainer { get; set; } = "downloads";

    /// <summary>Gets or sets the folder of the totals, <c>totals/YYYY/MM/DD.json</c>.</summary>
    public string TotalsPrefix { get; set; } = "totals/";

    /// <summary>Gets or sets the folder of dead-lettered records.</summary>
    public string DeadLetterPrefix { get; set; } = "deadletter/";

    /// <summary>Gets or sets how many listener groups an instance remembers between batches.</summary>
    public int GroupCacheCapacity { get; set; } = 500_000;

    /// <summary>Gets or sets field mappings as <c>odl count --map</c> takes them, comma-separated.</summary>
    public string FieldMappings { get; set; } = string.Empty;

    /// <summary>Gets or sets where the reference data is read.</summary>
    public ReferenceBlobOptions Reference { get; set; } = new();

    /// <summary>Returns every problem with these settings, each one sentence naming the setting; empty when
    /// none.</summary>
    /// <param name="minimumSaltLength">The shortest salt accepted: the service asks for
    /// <see cref="MinimumSaltLength"/>; <c>odl stream</c> takes any salt <c>odl count</c> takes.</param>
    public IReadOnlyList<string> Validate(int minimumSaltLength = MinimumSaltLength)
    {
        var problems = new List<string>();
        if (Salt.Length < Math.Max(1, minimumSaltLength))
        {
            var least = Math.Max(1, minimumSaltLength);
            problems.Add($"{SectionName}:Salt has {Salt.Length} characters; at least {least} are required.");
        }

        // App Service leaves a Key Vault reference it cannot resolve in place, and that public text must never salt.
        if (Salt.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{SectionName}:Salt is a Key Vault reference App Service could not resolve; expected the "
                + "app's identity to hold Key Vault Secrets User on the secret.");
        }

        Check(problems, Math.Abs(OffsetSeconds) < DownloadWindow.Seconds, "OffsetSeconds",
            OffsetSeconds.ToString(CultureInfo.InvariantCulture), "a number of seconds between -86399 and 86399");
        Check(problems, Lateness >= TimeSpan.Zero && Lateness <= TimeSpan.FromDays(7), "Lateness",
            Lateness.ToString(), "a time span from 00:00:00 to 7.00:00:00");
        Check(problems, CloseGrace >= TimeSpan.Zero && CloseGrace <= TimeSpan.FromHours(6), "CloseGrace",
            CloseGrace.ToString(), "a time span from 00:00:00 to 06:00:00");
        Check(problems, TableNamePattern().IsMatch(TableName), "TableName", TableName,
            "3 to 63 letters or digits, starting with a letter");
        Check(problems, ContainerNamePattern().IsMatch(OutputContainer), "OutputContainer", OutputContainer,
            "a blob container name: 3 to 63 lower-case letters, digits and single hyphens");
        Check(problems, IsFolder(TotalsPrefix), "TotalsPrefix", TotalsPrefix, "a folder ending in '/'");
        Check(problems, IsFolder(DeadLetterPrefix), "DeadLetterPrefix", DeadLetterPrefix, "a folder ending in '/'");
        Check(problems, GroupCacheCapacity >= 1000, "GroupCacheCapacity",
            GroupCacheCapacity.ToString(CultureInfo.InvariantCulture), "at least 1000");
        try
        {
            FieldMapping.Create(MappingRules);
        }
        catch (FormatException error)
        {
            problems.Add($"{SectionName}:FieldMappings is wrong: {error.Message}");
        }

        ValidateReference(problems);
        return problems;
    }

    /// <summary>Gets the field mapping rules.</summary>
    public IReadOnlyList<string> MappingRules =>
        FieldMappings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsFolder(string prefix) => prefix.Length > 1 && prefix.EndsWith('/') && !prefix.StartsWith('/');

    private static void Check(List<string> problems, bool ok, string name, string value, string expected)
    {
        if (!ok)
        {
            problems.Add($"{SectionName}:{name} is '{value}'; expected {expected}.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerNamePattern();

    private void ValidateReference(List<string> problems)
    {
        Check(problems, ContainerNamePattern().IsMatch(Reference.DatacentersContainer),
            "Reference:DatacentersContainer", Reference.DatacentersContainer, "a blob container name");
        Check(problems, ContainerNamePattern().IsMatch(Reference.AgentsContainer), "Reference:AgentsContainer",
            Reference.AgentsContainer, "a blob container name");
        Check(problems, Reference.AgentsBlobNames.Count > 0, "Reference:AgentsBlob", Reference.AgentsBlob,
            "one or more blob names, comma-separated");
        Check(problems, Reference.AgentsSourceUrl is { IsAbsoluteUri: true, Scheme: "http" or "https" },
            "Reference:AgentsSourceUrl", Reference.AgentsSourceUrl?.ToString() ?? string.Empty, "an http(s) URL");
        Check(problems, Reference.RefreshInterval >= TimeSpan.FromSeconds(1), "Reference:RefreshInterval",
            Reference.RefreshInterval.ToString(), "at least 00:00:01");
    }
}
