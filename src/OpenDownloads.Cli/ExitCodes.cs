namespace OpenDownloads.Cli;

/// <summary>odl's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The job ran; rejected records, if any, are reported but do not fail it.</summary>
    public const int Success = 0;

    /// <summary>The job could not run: a missing input, an unreadable reference file, a bad option.</summary>
    public const int BadInput = 2;
}
