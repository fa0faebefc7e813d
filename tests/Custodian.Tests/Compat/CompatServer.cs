using System.Net;
using Custodian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Compat;

/// <summary>
/// The real server on Kestrel over HTTPS on a free loopback port, with the same database set-up as
/// <see cref="ApiFactory"/>, for the official Bitwarden CLI to talk to.
/// </summary>
public class CompatServer : ApiFactory
{
    public CompatServer() { }

    readonly Dictionary<string, string?> _settings = [];

    /// <summary>
    /// One of several instances on one PostgreSQL database (<see cref="ApiFactory"/>'s shared-database mode): they share
    /// the secret key file, and with <paramref name="redis"/> the live-sync backplane.
    /// </summary>
    internal CompatServer(string databaseName, string? redis = null) : base(databaseName)
    {
        _settings["Secrets:KeyFile"] = Scale.InstanceFactory.KeyFile(databaseName);
        _settings["Notifications:Redis"] = redis;
    }

    protected override IReadOnlyDictionary<string, string?> Settings => _settings;

    public TestCertificates Certificates { get; } = new();

    /// <summary>The server's clock: real time, moved forward when a test needs a later moment (a grant's expiry).</summary>
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

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

/// <summary>Real time plus an offset the test moves forward; timers stay real.</summary>
public sealed class ShiftedClock : TimeProvider
{
    TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
