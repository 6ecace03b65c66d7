using System.Diagnostics;
using System.Globalization;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// Runs a command as its own process and records its wall time and peak working set (Linux's VmHWM, read while it
/// runs), so one command's memory is measured without the benchmark's own.
/// </summary>
internal sealed record ChildProcessRun(int ExitCode, TimeSpan Elapsed, long PeakWorkingSetBytes, string Output)
{
    public static ChildProcessRun Start(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"'{fileName}' did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, ReadHighWaterMark(process.Id));
        }

        var elapsed = clock.Elapsed;
        var text = output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult();
        return new ChildProcessRun(process.ExitCode, elapsed, peak, text);
    }

    // VmHWM is the peak resident set size so far, in kB; it only grows, so the last read before exit is the peak
    // up to the last 20 ms.
    private static long ReadHighWaterMark(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }
}
