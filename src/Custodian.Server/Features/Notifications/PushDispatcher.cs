using Custodian.Server.Infrastructure.Data;
using System.Text.Json;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Notifications;

/// <summary>
/// Sends what a request's saves committed, after the endpoint has run. The originating device's app id (the
/// <c>Device-Identifier</c> header the apps send) rides along as the <c>ContextId</c> the apps skip.
/// </summary>
public static class PushDispatcher
{
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
        var contextId = http.Request.Headers["Device-Identifier"].FirstOrDefault();
        var messages = pushes.SelectMany(push => (push.Recipients ?? []).Select(userId =>
            new PushEnvelope(userId, push.Type, JsonSerializer.SerializeToElement(push.Payload(userId), JsonDefaults.Options), contextId))).ToList();
        await http.RequestServices.GetRequiredService<IPushBus>().PublishAsync(messages, CancellationToken.None);
    });
}
