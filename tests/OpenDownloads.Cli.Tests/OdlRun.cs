namespace OpenDownloads.Cli.Tests;

/// <summary>Runs odl in-process as a user would from a shell, capturing what it prints.</summary>
internal sealed record OdlRun(int ExitCode, string Output, string Error)
{
    public static async Task<OdlRun> StartAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await OdlApp.RunAsync(args, output, error, CancellationToken.None);
        return new OdlRun(exitCode, output.ToString(), error.ToString());
    }
}
