using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Reads the "Rotation" section of any configuration (app settings, a JSON file) into validated settings.
/// </summary>
internal static class RotationConfiguration
{
    /// <exception cref="RotationConfigurationException">A value cannot be read, or the values are invalid.</exception>
    public static RotationSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new RotationOptions();
        try
        {
            configuration.GetSection(RotationOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException error)
        {
            throw new RotationConfigurationException($"The Rotation configuration section cannot be read: "
                + $"{error.Message}", error);
        }

        if (string.IsNullOrWhiteSpace(options.SelfResourceId))
        {
            options.SelfResourceId = SelfResource.FromAppService(configuration);
        }

        return RotationSettingsReader.Read(options);
    }

    /// <summary>Reads a JSON file shaped like samples/rotation/consumers.json: {"Rotation": {…}}.</summary>
    /// <exception cref="RotationConfigurationException">The file cannot be read, or its values are invalid.</exception>
    public static RotationSettings ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build();
        }
        catch (Exception error)
            when (error is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            throw new RotationConfigurationException($"The configuration file '{path}' cannot be read: "
                + $"{error.Message}", error);
        }

        return Read(configuration);
    }
}
