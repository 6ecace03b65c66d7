using Microsoft.Extensions.Options;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Functions.Datacenters;

/// <summary>Checks the <c>Datacenters</c> settings at start-up, reporting every problem at once.</summary>
internal sealed class DatacenterRebuildOptionsValidation : IValidateOptions<DatacenterRebuildOptions>
{
    public ValidateOptionsResult Validate(string? name, DatacenterRebuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (options.FeedDirectory is not null)
        {
            problems =
            [
                .. problems,
                "Datacenters:FeedDirectory is set; the function fetches feeds and takes no local copies.",
            ];
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
