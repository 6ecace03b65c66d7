namespace OpenDownloads.Rotation;

/// <summary>The rotation configuration is invalid; the message lists every problem found.</summary>
public sealed class RotationConfigurationException : Exception
{
    public RotationConfigurationException()
    {
    }

    public RotationConfigurationException(string message)
        : base(message)
    {
    }

    public RotationConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static RotationConfigurationException FromProblems(IReadOnlyList<string> problems) =>
        new($"The rotation configuration has {problems.Count} problem(s):{Environment.NewLine}- "
            + string.Join($"{Environment.NewLine}- ", problems));
}
