using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Reads the "Rotation" section of any configuration (app settings, a JSON file) into validated settings.
/// </summary>
internal static class RotationConfiguration
{
    /// <exception cref="RotationConfigurationException">A value cannot be read, or the values are invalid.</exception>
    public static RotationSettings Read(IConfiguration configuration) => Read(configuration, []);

    /// <summary>Reads the section, adding to <paramref name="problems"/> found before; all are reported at once.
    /// </summary>
    private static RotationSettings Read(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new RotationOptions();
        var section = configuration.GetSection(RotationOptions.SectionName);
        RotationSectionShape.Check(problems, section);
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException) when (problems.Count > 0)
        {
            // The shape check has named the value the binder could not convert, without quoting it.
        }
        catch (InvalidOperationException)
        {
            // The binder's message quotes the raw value, which may be a misplaced secret.
            throw new RotationConfigurationException("The Rotation configuration section cannot be read: a value "
                + "does not convert to the type of its setting.");
        }

        if (problems.Count > 0)
        {
            BindEachConsumer(section, options);
        }

        if (string.IsNullOrWhiteSpace(options.SelfResourceId))
        {
            options.SelfResourceId = SelfResource.FromAppService(configuration);
        }

        return RotationSettingsReader.Read(options, problems);
    }

    /// <summary>
    /// Binds the consumers one by one, so that one the binder cannot convert (which it would skip) keeps its place
    /// and every later problem names the index written in the configuration.
    /// </summary>
    private static void BindEachConsumer(IConfigurationSection section, RotationOptions options)
    {
        options.Consumers.Clear();
        var items = section.GetSection("Consumers").GetChildren()
            .Where(item => int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(item => int.Parse(item.Key, CultureInfo.InvariantCulture));
        foreach (var item in items)
        {
            var consumer = new ConsumerOptions();
            try
            {
                item.Bind(consumer);
            }
            catch (InvalidOperationException)
            {
                // Already reported by the shape check. The binder stops at the value it cannot convert (Enabled,
                // the only one that is not text), so DependsOn, declared after it, is bound on its own: an empty
                // list here would be a false "no DependsOn entries".
                consumer.DependsOn.Clear();
                item.GetSection("DependsOn").Bind(consumer.DependsOn);
            }

            options.Consumers.Add(consumer);
        }
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
                + $"{error.Message.TrimEnd('.')}{JsonPosition(error)}.", error);
        }

        if (!configuration.GetSection(RotationOptions.SectionName).Exists())
        {
            throw new RotationConfigurationException($"The configuration file '{path}' has no \"Rotation\" "
                + "section; expected {\"Rotation\": {\"Consumers\": […]}} as in samples/rotation/consumers.json.");
        }

        return Read(configuration, StorageProblems(configuration));
    }

    /// <summary>Where the JSON stopped making sense, when that is why the file could not be read.</summary>
    private static string JsonPosition(Exception error)
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException { LineNumber: { } line, BytePositionInLine: { } column })
            {
                return $": not valid JSON at line {line + 1}, byte {column + 1} of that line; expected JSON shaped "
                    + "like samples/rotation/consumers.json";
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// The storage settings as the app checks them at start-up, without connecting: a file for odl rotation
    /// simulate that sets Rotation:StorageConnection gets the same refusals (a SAS URL, a bad account name). A
    /// file without it is not checked (simulate needs no storage), nor the name of a connection the file does
    /// not set (the app may set it elsewhere).
    /// </summary>
    private static List<string> StorageProblems(IConfiguration configuration)
    {
        var own = configuration.GetSection(RotationStorageAccount.OwnSetting);
        var names = own.Value is { Length: > 0 } value && !value.Contains('=', StringComparison.Ordinal);
        if (!own.Exists() || (names && !configuration.GetSection(own.Value!.Trim()).Exists()))
        {
            return [];
        }

        try
        {
            RotationStorageAccount.Read(configuration);
            return [];
        }
        catch (RotationConfigurationException problem)
        {
            return [problem.Message];
        }
    }
}
