namespace OpenDownloads.Streaming;

/// <summary>The stream path cannot go on: its settings are wrong, or a batch met a day closing under it and must be
/// delivered again.</summary>
public sealed class StreamingException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public StreamingException()
    {
    }

    /// <summary>Initializes the exception with its message.</summary>
    public StreamingException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with its message and cause.</summary>
    public StreamingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
