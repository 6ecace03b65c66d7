namespace OpenDownloads.ReferenceData;

/// <summary>A reference file could not be found, downloaded or read; the message says how to supply it.</summary>
public sealed class ReferenceDataException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public ReferenceDataException()
    {
    }

    /// <summary>Initializes the exception with its message.</summary>
    public ReferenceDataException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with its message and cause.</summary>
    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
