using Microsoft.Extensions.Options;
using OpenDownloads.Streaming;

namespace OpenDownloads.Functions.Counting;

/// <summary>Checks the streaming settings when the app starts, reporting every problem at once.</summary>
internal sealed class StreamingOptionsValidation : IValidateOptions<StreamingOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
