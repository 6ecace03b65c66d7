namespace OpenDownloads.Datacenters.Publishing;

/// <summary>
/// Blob storage could not be read or written; <see cref="IsTransient"/> says whether a later run may succeed.
/// </summary>
public sealed class DatacenterPublishException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public DatacenterPublishException()
    {
    }

    /// <summary>Initializes the exception with its message.</summary>
    public DatacenterPublishException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with its message and cause.</summary>
    public DatacenterPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes the exception with its message, cause and whether it is transient.</summary>
    public DatacenterPublishException(string message, Exception innerException, bool isTransient)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>Gets whether storage answered 408, 429 or 5xx (or not at all), so retrying later may work.</summary>
    public bool IsTransient { get; }
}
