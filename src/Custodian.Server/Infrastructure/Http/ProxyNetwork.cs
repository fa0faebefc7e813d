using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Custodian.Server.Infrastructure.Http;

/// <summary>Section <c>Network</c>: which reverse proxies may say who the client is.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Proxy addresses, separated by commas or spaces (<c>10.0.0.5, 10.0.0.6</c>).</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Proxy networks in CIDR form (<c>10.0.0.0/24</c>).</summary>
    public string? KnownNetworks { get; set; }
}

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, which would make per-address login
/// throttling one counter for everybody. <c>X-Forwarded-For</c>/<c>-Proto</c> are taken only from the proxies named
/// here (and loopback, ASP.NET's default); from anyone else they are ignored, so a client cannot pick its address.
/// </summary>
public static class ProxyNetwork
{
    public static IServiceCollection AddProxyNetwork(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section)
            .Validate(o => TryParse(o, out _, out _), "Network__KnownProxies must list IP addresses and Network__KnownNetworks CIDR ranges.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<NetworkOptions>>((forwarded, network) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            TryParse(network.Value, out var proxies, out var networks);
            proxies.ForEach(forwarded.KnownProxies.Add);
            networks.ForEach(forwarded.KnownIPNetworks.Add);
        });
        return services;
    }

    static bool TryParse(NetworkOptions options, out List<IPAddress> proxies, out List<System.Net.IPNetwork> networks)
    {
        (proxies, networks) = ([], []);
        foreach (var item in Split(options.KnownProxies))
        {
            if (!IPAddress.TryParse(item, out var address))
            {
                return false;
            }
            proxies.Add(address);
        }
        foreach (var item in Split(options.KnownNetworks))
        {
            if (!System.Net.IPNetwork.TryParse(item, out var network))
            {
                return false;
            }
            networks.Add(network);
        }
        return true;
    }

    static string[] Split(string? list) =>
        (list ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
