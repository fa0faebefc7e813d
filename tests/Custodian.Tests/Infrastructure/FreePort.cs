using System.Net;
using System.Net.Sockets;

namespace Custodian.Tests.Infrastructure;

/// <summary>A loopback port nobody listens on at the moment of asking, for a server or listener a test starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
