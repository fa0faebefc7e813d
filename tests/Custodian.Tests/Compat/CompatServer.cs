using System.Net;
using Custodian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Compat;

/// <summary>
/// The real server on Kestrel over HTTPS on a free loopback port, with the same database set-up as
/// <see cref="ApiFactory"/>, for the official Bitwarden CLI to talk to.
/// </summary>
public class CompatServer : ApiFactory
{
    public TestCertificates Certificates { get; } = new();

    /// <summary>What <c>bw config server</c> is given.</summary>
    public string BaseUrl { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificates.Server)));
        await base.InitializeAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUrl = $"https://127.0.0.1:{new Uri(address).Port}";
    }

    /// <summary>Test-side HTTP goes over the same TLS endpoint the CLI uses.</summary>
    public override HttpClient CreateHttpClient()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => Certificates.IsOurServer(certificate),
        };
        return new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Certificates.Dispose();
    }
}
