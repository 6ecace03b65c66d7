using System.Net;
using System.Net.Sockets;

namespace OpenDownloads.Cli.Tests;

internal static class LocalPorts
{
    /// <summary>Returns a loopback port that nothing listens on (one just freed by the OS).</summary>
    public static int FindClosed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
