using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Custodian.Tests.Infrastructure;

/// <summary>
/// The in-memory test server has no TCP peer. A request carrying <see cref="Header"/> arrives "from" that address,
/// set before any of the app's middleware, as a socket's remote address would be.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer) && IPAddress.TryParse(peer.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };

    public static ApiClient From(ApiFactory api, string address, string? forwardedFor = null)
    {
        var client = api.CreateApiClient();
        client.Http.DefaultRequestHeaders.Add(Header, address);
        if (forwardedFor is not null)
        {
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
        return client;
    }
}
