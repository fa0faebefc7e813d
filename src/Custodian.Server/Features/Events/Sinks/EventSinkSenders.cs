using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Custodian.Server.Features.Icons;
using Custodian.Server.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace Custodian.Server.Features.Events.Sinks;

public sealed class EventSinkOptions
{
    public const string Section = "EventSinks";
    /// <summary>Lets sinks reach loopback and private addresses (a SIEM inside the operator's own network, or tests).</summary>
    public bool AllowPrivateNetworks { get; set; }
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>Sends one batch of events to one sink; throws on failure (the worker retries later).</summary>
public interface IEventSinkSender
{
    EventSinkKind Kind { get; }
    Task SendAsync(EventSink sink, string? secret, IReadOnlyList<EventResponse> events, CancellationToken ct);
}

/// <summary>
/// Where sinks may connect: the target's name is resolved at connect time and every address must be public, unless
/// the operator allows private networks, so a provider admin cannot aim the server at the operator's own network.
/// </summary>
public sealed class SinkNetwork(IOptions<EventSinkOptions> options, IIconHostResolver resolver)
{
    public async Task<IPAddress> ResolveAsync(string host, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        if (addresses.Length == 0 || (!options.Value.AllowPrivateNetworks && !addresses.All(IconAddressGuard.IsPublic)))
        {
            throw new IOException($"{host} does not resolve to addresses a sink may reach.");
        }
        return addresses[0];
    }

    public TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
}

/// <summary>
/// POSTs <c>{"object":"list","data":[events]}</c>. <c>X-Custodian-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> is
/// HMAC-SHA256 under the sink's secret over "t.body", so the receiver can check origin and reject replays.
/// </summary>
public sealed class WebhookSender(SinkNetwork network, TimeProvider time) : IEventSinkSender
{
    public EventSinkKind Kind => EventSinkKind.Webhook;

    public async Task SendAsync(EventSink sink, string? secret, IReadOnlyList<EventResponse> events, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new ListResponse<EventResponse>(events), JsonDefaults.Options);
        var stamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(stamp + ".").Concat(body).ToArray();
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? ""), signed));
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,   // a redirect would leave the checked address
            ConnectCallback = async (context, token) =>
            {
                var address = await network.ResolveAsync(context.DnsEndPoint.Host, token);
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address, context.DnsEndPoint.Port, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var http = new HttpClient(handler) { Timeout = network.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, sink.Target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Custodian-Signature", $"t={stamp},v1={mac}");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"The webhook answered {(int)response.StatusCode}.");
        }
    }
}

/// <summary>
/// RFC 5424 messages, one per event: PRI 110 (facility 13 "log audit", severity 6 "informational"), the event's
/// date, this host, APP-NAME "custodian", MSGID the event type's name, and the event as JSON for MSG. Over TCP and
/// TLS each message is octet-counted (RFC 6587 3.4.1, RFC 5425); over UDP each is one datagram (RFC 5426).
/// </summary>
public sealed class SyslogSender(SinkNetwork network) : IEventSinkSender
{
    public EventSinkKind Kind => EventSinkKind.Syslog;

    public static string Format(EventResponse e, string hostName)
    {
        var msgId = e.Type.ToString();
        msgId = msgId.Length > 32 ? msgId[..32] : msgId;
        var date = e.Date.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return $"<110>1 {date} {hostName} custodian - {msgId} - {JsonSerializer.Serialize(e, JsonDefaults.Options)}";
    }

    public async Task SendAsync(EventSink sink, string? secret, IReadOnlyList<EventResponse> events, CancellationToken ct)
    {
        var (host, port) = EventSinkTargets.SplitHostPort(sink.Target);
        var address = await network.ResolveAsync(host, ct);
        var hostName = Dns.GetHostName() is { Length: > 0 and <= 255 } name ? name.Replace(' ', '-') : "-";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(network.Timeout);
        if (sink.Transport == SyslogTransport.Udp)
        {
            using var udp = new UdpClient(address.AddressFamily);
            foreach (var e in events)
            {
                await udp.SendAsync(Encoding.UTF8.GetBytes(Format(e, hostName)), new IPEndPoint(address, port), timeout.Token);
            }
            return;
        }
        using var tcp = new TcpClient(address.AddressFamily);
        await tcp.ConnectAsync(address, port, timeout.Token);
        Stream stream = tcp.GetStream();
        if (sink.Transport == SyslogTransport.Tls)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, timeout.Token);
            stream = tls;
        }
        await using (stream)
        {
            foreach (var e in events)
            {
                var message = Encoding.UTF8.GetBytes(Format(e, hostName));
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{message.Length} "), timeout.Token);
                await stream.WriteAsync(message, timeout.Token);
            }
            await stream.FlushAsync(timeout.Token);
        }
    }
}
