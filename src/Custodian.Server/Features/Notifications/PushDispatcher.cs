using Custodian.Server.Infrastructure.Data;
using Microsoft.AspNetCore.SignalR;

namespace Custodian.Server.Features.Notifications;

/// <summary>
/// Sends what a request's saves committed, after the endpoint has run. The originating device's app id (the
/// <c>Device-Identifier</c> header the apps send) rides along as the <c>ContextId</c> the apps skip.
/// </summary>
public static class PushDispatcher
{
    const string ReceiveMessage = "ReceiveMessage";

    public static IApplicationBuilder UsePushDispatch(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        var db = http.RequestServices.GetService<AppDbContext>();
        if (db is null)
        {
            return;
        }
        var pushes = db.Pushes.Drain();
        if (pushes.Count == 0)
        {
            return;
        }
        var hub = http.RequestServices.GetRequiredService<IHubContext<NotificationsHub>>();
        var contextId = http.Request.Headers["Device-Identifier"].FirstOrDefault();
        await SendAsync(hub, pushes, contextId, CancellationToken.None);
    });

    public static async Task SendAsync(IHubContext<NotificationsHub> hub, IEnumerable<PendingPush> pushes, string? contextId, CancellationToken ct)
    {
        foreach (var push in pushes)
        {
            foreach (var userId in push.Recipients ?? [])
            {
                await hub.Clients.User(userId.ToString()).SendAsync(ReceiveMessage, new PushMessage(push.Type, push.Payload(userId), contextId), ct);
            }
        }
    }
}
