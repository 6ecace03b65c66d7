using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Functions;

/// <summary>
/// Reads the Functions host's own switch for turning a function off, the app setting
/// <c>AzureWebJobs.NAME.Disabled</c>, so the worker wires only the jobs whose functions run in this app. The same
/// package runs as the counter and as the rotation responder; each app turns off the other's functions and need not
/// carry the other's settings (the counter's salt above all).
/// </summary>
internal static class FunctionSwitches
{
    public static string SettingName(string functionName) =>
        string.Create(CultureInfo.InvariantCulture, $"AzureWebJobs.{functionName}.Disabled");

    /// <summary>
    /// True when the host runs the function: the setting is absent, or neither <c>true</c> nor <c>1</c>. On Linux,
    /// App Service hands the worker the setting with its periods turned into underscores
    /// (<c>AzureWebJobs_NAME_Disabled</c>), so both spellings are read.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, string functionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = SettingName(functionName);
        return !IsOn(configuration[name]) && !IsOn(configuration[name.Replace('.', '_')]);
    }

    public static bool AnyEnabled(IConfiguration configuration, params string[] functionNames) =>
        functionNames.Any(name => IsEnabled(configuration, name));

    private static bool IsOn(string? value)
    {
        var text = value?.Trim();
        return (bool.TryParse(text, out var flag) && flag) || text == "1";
    }
}
