using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Events.Sinks;
using Custodian.Server.Infrastructure.Data;
using Custodian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Custodian.Tests.Providers;

/// <summary>A clocked server whose sinks may reach this machine (the SIEM listeners the tests run).</summary>
public sealed class SinkFactory() : ClockedServer($"custodian_test_{Guid.NewGuid():N}", new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["EventSinks:AllowPrivateNetworks"] = "true" };
}

/// <summary>
/// SIEM sinks: a real local HTTP listener receives signed webhook batches, a real local TCP listener RFC 5424 syslog
/// frames; a failing webhook is retried after its backoff; secrets are protected at rest and never sent.
/// </summary>
public sealed class EventSinkTests(SinkFactory api) : IClassFixture<SinkFactory>
{
    const string Secret = "siem-signing-secret-0123456789";
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An HTTP listener on a free loopback port answering with the given statuses in turn (then 200).</summary>
    sealed class WebhookListener : IDisposable
    {
        readonly HttpListener _listener = new();
        public Channel<(string Body, string Signature)> Received { get; } = Channel.CreateUnbounded<(string, string)>();
        public string Url { get; }

        public WebhookListener(Queue<int> statuses)
        {
            var port = FreePort.Next();
            Url = $"http://127.0.0.1:{port}/siem/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); } catch (Exception) { return; }
                    using var reader = new StreamReader(context.Request.InputStream);
                    var body = await reader.ReadToEndAsync();
                    context.Response.StatusCode = statuses.TryDequeue(out var status) ? status : 200;
                    context.Response.Close();
                    if (context.Response.StatusCode == 200)
                    {
                        await Received.Writer.WriteAsync((body, context.Request.Headers["X-Custodian-Signature"] ?? ""));
                    }
                }
            });
        }

        public void Dispose() => _listener.Close();
    }


    async Task<(ServerWorld World, JsonObject Sink)> SinkAsync(object body)
    {
        var w = await ProviderAuditTests.CreateAsync(api);
        var sink = await w.Provider.Owner.Client.PostJsonAsync($"/api/providers/{w.Provider.Id}/event-sinks", body);
        return (new ServerWorld(w), sink);
    }

    public sealed record ServerWorld(ProviderAuditTests.World W);

    Task<int> DeliverAsync() => api.Services.GetRequiredService<EventSinkWorker>().DeliverDueAsync(Ct);

    [Fact]
    public async Task Webhook_SignedBatches_NoSecrets_RetriedAfterFailure_SecretProtectedAtRest()
    {
        using var listener = new WebhookListener(new Queue<int>([500]));
        var (sw, sink) = await SinkAsync(new { kind = 0, target = listener.Url, transport = 0, secret = Secret });
        var w = sw.W;
        Assert.True(sink["hasSecret"]!.GetValue<bool>());
        Assert.DoesNotContain(Secret, sink.ToJsonString(), StringComparison.Ordinal);
        // An event after the sink exists: a client member's new item.
        var item = await w.Client.CreateItemAsync(w.Member, "Firewall", w.CollectionId);

        await DeliverAsync();   // the listener answers 500: kept, retried later
        var listed = (await w.Provider.Owner.Client.GetJsonAsync($"/api/providers/{w.Provider.Id}/event-sinks"))["data"]![0]!;
        Assert.Contains("500", listed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(listed["pending"]!.GetValue<int>() >= 1);
        Assert.Equal(0, await DeliverAsync());   // not due yet
        api.Clock.Advance(EventSinkWorker.Backoff(1) + TimeSpan.FromSeconds(1));
        await DeliverAsync();

        var (body, signature) = await listener.Received.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var parts = signature.Split(',').ToDictionary(p => p.Split('=')[0], p => p.Split('=')[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}")));
        Assert.Equal(expected, parts["v1"]);
        var events = JsonNode.Parse(body)!["data"]!.AsArray();
        Assert.Contains(events, e => e!["type"]!.GetValue<int>() == 1100 && e["cipherId"]!.GetValue<string>() == item.ToString());
        AssertNoSecrets(body);
        // Advancing the fake clock also wakes the worker's own PeriodicTimer, so the batch may have been sent by that
        // loop rather than by DeliverAsync above; it is marked delivered once the listener's answer reaches it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int pending;
        while ((pending = (await w.Provider.Owner.Client.GetJsonAsync($"/api/providers/{w.Provider.Id}/event-sinks"))["data"]![0]!["pending"]!.GetValue<int>()) != 0
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }
        Assert.Equal(0, pending);

        await using var scope = api.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<EventSink>().SingleAsync(s => s.ProviderId == w.Provider.Id, Ct);
        Assert.StartsWith("CfDJ8", stored.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stored.Secret!, StringComparison.Ordinal);
    }

    /// <summary>Events carry ids and facts only: no encrypted strings, keys, or the sink's own secret.</summary>
    static void AssertNoSecrets(string payload)
    {
        Assert.DoesNotContain(Secret, payload, StringComparison.Ordinal);
        Assert.DoesNotContain("\"2.", payload, StringComparison.Ordinal);   // an EncString (item names, keys)
        Assert.DoesNotContain("\"4.", payload, StringComparison.Ordinal);   // an RSA-wrapped key
        var allowed = typeof(EventResponse).GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToHashSet();
        foreach (var line in payload.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var node = JsonNode.Parse(line[line.IndexOf('{', StringComparison.Ordinal)..])!;
            var events = node["data"] is JsonArray data ? data.Select(e => e!.AsObject()) : [node.AsObject()];
            Assert.All(events, e => Assert.Subset(allowed, e.Select(p => p.Key).ToHashSet()));
        }
    }

    [Fact]
    public async Task Syslog_OverTcp_Rfc5424OctetCounted()
    {
        using var collector = new TcpListener(IPAddress.Loopback, 0);
        collector.Start();
        var port = ((IPEndPoint)collector.LocalEndpoint).Port;
        var (sw, _) = await SinkAsync(new { kind = 1, target = $"127.0.0.1:{port}", transport = 0 });
        var item = await sw.W.Client.CreateItemAsync(sw.W.Member, "Switch", sw.W.CollectionId);

        var accept = collector.AcceptTcpClientAsync(Ct).AsTask();
        await DeliverAsync();
        using var connection = await accept.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var stream = connection.GetStream();
        var frames = new List<string>();
        while (true)
        {
            var length = new StringBuilder();
            int b;
            while ((b = stream.ReadByte()) is not (' ' or -1))
            {
                length.Append((char)b);
            }
            if (b == -1)
            {
                break;
            }
            var message = new byte[int.Parse(length.ToString(), System.Globalization.CultureInfo.InvariantCulture)];
            await stream.ReadExactlyAsync(message, Ct);
            frames.Add(Encoding.UTF8.GetString(message));
        }
        var frame = Assert.Single(frames, f => f.Contains(item.ToString(), StringComparison.Ordinal));
        Assert.Matches(@"^<110>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z \S+ custodian - Cipher_Created - \{", frame);
        AssertNoSecrets(string.Join('\n', frames));
    }

    [Fact]
    public async Task Sinks_BadInput400_ProviderAdminsOnly()
    {
        var w = await ProviderAuditTests.CreateAsync(api);
        var url = $"/api/providers/{w.Provider.Id}/event-sinks";
        var admin = w.Provider.Owner.Client;
        Assert.NotNull((await ApiClient.ReadErrorAsync(await admin.PostAsync(url, new { kind = 0, target = "ftp://siem", transport = 0, secret = Secret }),
            HttpStatusCode.BadRequest))["validationErrors"]!["target"]);
        Assert.NotNull((await ApiClient.ReadErrorAsync(await admin.PostAsync(url, new { kind = 0, target = "https://siem.example", transport = 0 }),
            HttpStatusCode.BadRequest))["validationErrors"]!["secret"]);
        await ApiClient.ReadErrorAsync(await admin.PostAsync(url, new { kind = 1, target = "siem.example", transport = 0 }), HttpStatusCode.BadRequest);
        await ApiClient.ReadErrorAsync(await admin.PostAsync(url, new { kind = 1, target = "siem.example:514", transport = 9 }), HttpStatusCode.BadRequest);
        Assert.Empty((await admin.GetJsonAsync(url))["data"]!.AsArray());   // nothing half-written

        var sink = await admin.PostJsonAsync(url, new { kind = 1, target = "siem.example:6514", transport = 1 });
        var otherAdmin = await api.LoginNewUserAsync();
        await api.CreateProviderAsync(otherAdmin, "Other MSP");
        foreach (var denied in new[] { w.Technician, otherAdmin, w.Member, await api.LoginNewUserAsync() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await denied.Client.DeleteAsync($"{url}/{sink["id"]}")).StatusCode);
        }
        await ApiClient.ReadOkOrEmptyAsync(await admin.DeleteAsync($"{url}/{sink["id"]}"));
        Assert.Empty((await admin.GetJsonAsync(url))["data"]!.AsArray());
    }
}
