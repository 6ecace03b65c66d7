using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenDownloads.Tests.TestData;

/// <summary>
/// Starts Azurite for a test run that was not given one, so the README's test command works on a fresh machine:
/// it installs the npm package into <c>.ci/.tools</c> (as <c>.ci/run</c> does) if it is not there, runs it in memory
/// on free loopback ports, and stops it when the test process ends.
/// </summary>
internal static class AzuriteLauncher
{
    /// <summary>The newest Azurite that runs on Node.js 20, the version this project's machines have.</summary>
    public const string Version = "3.35.0";

    // Azurite's fixed development account; the key is published in Azure's documentation and guards nothing.
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts Azurite and returns a connection string for it.</summary>
    /// <exception cref="InvalidOperationException">Azurite cannot be installed or does not start.</exception>
    public static string Start()
    {
        var tools = Path.Combine(SharedData.RepositoryRoot, ".ci", ".tools");
        var azurite = Path.Combine(tools, "node_modules", "azurite", "dist", "src", "azurite.js");
        Install(tools, azurite);

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        // The test host may end without running exit handlers, and a killed shell wrapper once left Azurite running,
        // so Node.js watches the test host itself: a preloaded script ends Azurite's process when the host is gone.
        var watcher = WriteParentWatcher(tools);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                "--require", watcher, azurite,
                "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
                "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
            },
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment[ParentPidVariable] = $"{Environment.ProcessId}";
        var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Azurite could not be started from {azurite}.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);

        try
        {
            WaitForPorts(process, blob, queue, table);
        }
        finally
        {
            // Node.js read the script when it started; nothing needs the file after that.
            File.Delete(watcher);
        }

        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + $"AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;"
            + $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;"
            + $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    // Test projects run in parallel processes; a lock file makes one of them install while the others wait.
    private static void Install(string tools, string azurite)
    {
        Directory.CreateDirectory(tools);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var installLock = new FileStream(
                    Path.Combine(tools, "install.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (!File.Exists(azurite))
                {
                    Run("npm", $"install --no-save --no-audit --no-fund --loglevel=error --prefix \"{tools}\" "
                        + $"azurite@{Version}");
                }

                return;
            }
            catch (IOException) when (deadline.Elapsed < TimeSpan.FromMinutes(5))
            {
                Thread.Sleep(500);
            }
        }
    }

    private const string ParentPidVariable = "ODL_AZURITE_PARENT_PID";

    // Polls the test host's pid once a second; unref() lets Azurite's own shutdown end the process as usual.
    private const string ParentWatcherScript = """
        const parent = Number(process.env.ODL_AZURITE_PARENT_PID);
        setInterval(() => {
          try { process.kill(parent, 0); } catch { process.exit(0); }
        }, 1000).unref();
        """;

    private static string WriteParentWatcher(string tools)
    {
        var path = Path.Combine(tools, $"parent-watch-{Environment.ProcessId}.js");
        File.WriteAllText(path, ParentWatcherScript);
        return path;
    }

    private static void WaitForPorts(Process process, params int[] ports)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (!Answers(port))
            {
                if (process.HasExited || deadline.Elapsed > StartTimeout)
                {
                    Stop(process);
                    throw new InvalidOperationException(
                        $"Azurite did not answer on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:0} s: "
                        + process.StandardError.ReadToEnd());
                }

                Thread.Sleep(200);
            }
        }
    }

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string command, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"'{command}' could not be started.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {arguments}' failed with exit code {process.ExitCode}; install Azurite {Version} by hand "
                + "or set ODL_TEST_STORAGE to a running storage emulator's connection string.");
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
