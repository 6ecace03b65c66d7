namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// A provider's feed is not in the format its parser expects: not JSON, a missing field, a bad prefix.
/// </summary>
public sealed class FeedFormatException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public FeedFormatException()
    {
    }

    /// <summary>Initializes the exception with its message.</summary>
    public FeedFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with its message and cause.</summary>
    public FeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
