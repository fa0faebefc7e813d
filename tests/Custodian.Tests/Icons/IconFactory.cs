using System.Collections.Concurrent;
using System.Net;
using Custodian.Server.Features.Icons;
using Custodian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Tests.Icons;

/// <summary>
/// A server whose icon fetcher talks to a fake network: names resolve from <see cref="Dns"/> and requests are answered
/// by <see cref="Sites"/> (no request leaves the machine). Each request is recorded with the addresses it was pinned to.
/// </summary>
public class IconFactory : ApiFactory
{
    public ConcurrentDictionary<string, IPAddress[]> Dns { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentDictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> Sites { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentQueue<(Uri Uri, IPAddress[] PinnedTo)> Requests { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IIconHostResolver>(new FakeResolver(Dns));
            services.AddKeyedSingleton<HttpMessageHandler>(IconFetcher.HandlerKey, new FakeSites(this));
        });
    }

    public int RequestsTo(string host) => Requests.Count(r => r.Uri.Host == host);

    sealed class FakeResolver(ConcurrentDictionary<string, IPAddress[]> names) : IIconHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            names.TryGetValue(host, out var a) ? Task.FromResult(a) : throw new System.Net.Sockets.SocketException(11001);
    }

    sealed class FakeSites(IconFactory factory) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Options.TryGetValue(IconFetcher.CheckedAddresses, out var pinned);
            factory.Requests.Enqueue((request.RequestUri!, pinned ?? []));
            return Task.FromResult(factory.Sites.TryGetValue(request.RequestUri!.Host, out var site)
                ? site(request) : new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}

public sealed class IconsOffFactory : IconFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Icons:Enabled"] = "false" };
}
