using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Custodian.Tests.Compat;

/// <summary>
/// A device listening to the notifications hub with the JavaScript SignalR client and MessagePack, as the
/// Bitwarden apps do (<c>tests/compat/live-sync.mjs</c>): each message it receives arrives here as JSON.
/// </summary>
public sealed class LiveSyncClient : IAsyncDisposable
{
    readonly Process _node;
    readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    LiveSyncClient(Process node) => _node = node;

    public static Task<LiveSyncClient> ConnectAsync(CompatServer server, string accessToken, string? anonymousToken = null) =>
        ConnectAsync(server.BaseUrl, server.Certificates.AuthorityPemPath, accessToken, anonymousToken);

    /// <summary>A device on any server; <paramref name="authorityPem"/> is the CA it trusts over HTTPS.</summary>
    public static async Task<LiveSyncClient> ConnectAsync(string baseUrl, string? authorityPem, string accessToken, string? anonymousToken = null)
    {
        var compat = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(BwCli.Executable)))!;   // tests/compat
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = compat };
        foreach (var arg in new[] { Path.Combine(compat, "live-sync.mjs"), $"{baseUrl}/notifications", accessToken, anonymousToken ?? "" })
        {
            start.ArgumentList.Add(arg);
        }
        if (authorityPem is not null)
        {
            start.Environment["NODE_EXTRA_CA_CERTS"] = authorityPem;
        }
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        var client = new LiveSyncClient(Process.Start(start)!);
        _ = client.PumpAsync();
        var first = await client.NextLineAsync(TimeSpan.FromSeconds(30));
        return first == "connected" ? client : throw new InvalidOperationException($"The hub client did not connect: {first}");
    }

    async Task PumpAsync()
    {
        while (await _node.StandardOutput.ReadLineAsync() is { } line)
        {
            await _lines.Writer.WriteAsync(line);
        }
        _lines.Writer.Complete(new InvalidOperationException(await _node.StandardError.ReadToEndAsync()));
    }

    async Task<string> NextLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (ChannelClosedException e)
        {
            return $"exited: {e.InnerException?.Message}";
        }
    }

    /// <summary>The next message of <paramref name="type"/>, or null if none came in time (others are skipped).</summary>
    public async Task<JsonObject?> WaitForAsync(int type, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var line = await NextLineAsync(deadline - DateTime.UtcNow);
                if (JsonNode.Parse(line) is JsonObject message && message["Type"]?.GetValue<int>() == type)
                {
                    return message;
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }
        _node.Dispose();
    }
}
