using System.Text.Json;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Custodian.Server.Features.Notifications;

/// <summary>One message for one user, as it travels between instances.</summary>
public sealed record PushEnvelope(Guid UserId, PushType Type, JsonElement Payload, string? ContextId)
{
    const string ReceiveMessage = "ReceiveMessage";

    /// <summary>Back to the typed payload, so MessagePack writes the same map Bitwarden's server does.</summary>
    public Task DeliverAsync(PushHubs hubs, CancellationToken ct)
    {
        object payload = Type switch
        {
            PushType.AuthRequest or PushType.AuthRequestResponse => Payload.Deserialize<AuthRequestPayload>(JsonDefaults.Options)!,
            PushType.SyncCipherCreate or PushType.SyncCipherUpdate or PushType.SyncCipherDelete or PushType.SyncLoginDelete =>
                Payload.Deserialize<SyncCipherPayload>(JsonDefaults.Options)!,
            PushType.SyncFolderCreate or PushType.SyncFolderUpdate or PushType.SyncFolderDelete or PushType.SyncSendCreate
                or PushType.SyncSendUpdate or PushType.SyncSendDelete => Payload.Deserialize<SyncItemPayload>(JsonDefaults.Options)!,
            _ => Payload.Deserialize<UserPayload>(JsonDefaults.Options)!,
        };
        var message = new PushMessage(Type, payload, ContextId);
        // The answer to a login-with-device request goes to the waiting device alone, in the anonymous hub's group
        // named by the request id, under the method name Bitwarden's clients listen for (spelling included).
        return Type == PushType.AuthRequestResponse && payload is AuthRequestPayload answer
            ? hubs.Anonymous.Clients.Group(answer.Id.ToString()).SendAsync("AuthRequestResponseRecieved", message, ct)
            : hubs.Users.Clients.User(UserId.ToString()).SendAsync(ReceiveMessage, message, ct);
    }
}

/// <summary>The two hubs a message may leave through.</summary>
public sealed class PushHubs(IHubContext<NotificationsHub> users, IHubContext<AnonymousNotificationsHub> anonymous)
{
    public IHubContext<NotificationsHub> Users => users;
    public IHubContext<AnonymousNotificationsHub> Anonymous => anonymous;
}

/// <summary>
/// Carries messages to the hub connections of every instance. With the Redis backplane (Notifications:Redis), or
/// on a single instance (SQLite), the sender hands them to SignalR in process and the backplane routes them;
/// PostgreSQL without Redis goes through LISTEN/NOTIFY, which every instance, the sender included, delivers from.
/// </summary>
public interface IPushBus
{
    Task PublishAsync(IReadOnlyList<PushEnvelope> messages, CancellationToken ct);
}

public sealed class InProcessPushBus(PushHubs hubs) : IPushBus
{
    public async Task PublishAsync(IReadOnlyList<PushEnvelope> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            await message.DeliverAsync(hubs, ct);
        }
    }
}

public sealed class PostgresPushBus(IOptions<DatabaseOptions> options, PushHubs hubs, ILogger<PostgresPushBus> logger)
    : BackgroundService, IPushBus
{
    const string Channel = "custodian_push";
    /// <summary>NOTIFY payloads stop at 8,000 bytes; a message is a few hundred.</summary>
    const int PerNotify = 16;

    public async Task PublishAsync(IReadOnlyList<PushEnvelope> messages, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var chunk in messages.Chunk(PerNotify))
        {
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", JsonSerializer.Serialize(chunk, JsonDefaults.Options));
            await notify.ExecuteNonQueryAsync(ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => _ = DeliverAsync(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Live-sync listener lost its PostgreSQL connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    async Task DeliverAsync(string payload)
    {
        try
        {
            foreach (var message in JsonSerializer.Deserialize<PushEnvelope[]>(payload, JsonDefaults.Options) ?? [])
            {
                await message.DeliverAsync(hubs, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            logger.LogWarning(e, "Dropped a malformed live-sync notification");
        }
    }
}
