namespace OpenDownloads.Datacenters.Building;

/// <summary>A rebuild refused to produce a list, because what it has would make a bad one.</summary>
public sealed class DatacenterRebuildException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public DatacenterRebuildException()
    {
    }

    /// <summary>Initializes the exception with its message.</summary>
    public DatacenterRebuildException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with its message and cause.</summary>
    public DatacenterRebuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
