using System.Net;
using System.Net.Sockets;

namespace ZoomQos.TestSupport;

/// <summary>A free loopback port, for a process (or a server that must come back on the same port) to listen on.</summary>
public static class FreePorts
{
    /// <summary>A port the system just had free on 127.0.0.1.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
