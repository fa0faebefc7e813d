using System.Net;
using System.Net.Sockets;

namespace Custodian.Server.Features.Icons;

/// <summary>Name resolution, replaceable in tests (which have no DNS to speak of).</summary>
public interface IIconHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsIconHostResolver : IIconHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>
/// Decides which addresses an icon may be fetched from: public unicast only. A site whose name resolves to any
/// private, loopback, link-local or otherwise special address is refused outright (not just that address), so a
/// name that answers differently per lookup cannot steer the server into the operator's own network.
/// </summary>
public static class IconAddressGuard
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224            // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)                         // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                                      // link-local (cloud metadata lives here)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))             // IETF protocol assignments, TEST-NET-1
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))                        // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
                || address.IsIPv6Teredo || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)   // documentation
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)                           // NAT64 maps IPv4 inside
                || b[0] == 0 || (b[0] == 0x20 && b[1] == 0x02));                                             // IPv4-compatible, 6to4
        }
        return false;
    }

    /// <summary>The addresses of <paramref name="host"/> when every one is public; null when any is not, or none resolve.</summary>
    public static async Task<IPAddress[]?> ResolvePublicAsync(IIconHostResolver resolver, string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return null;   // icons are asked for by domain; an address literal is not one
        }
        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, ct);
        }
        catch (SocketException)
        {
            return null;
        }
        return addresses.Length > 0 && addresses.All(IsPublic) ? addresses : null;
    }
}
