using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Custodian.Server.Features.Notifications;

/// <summary>
/// <c>/notifications/hub</c>, the SignalR hub the Bitwarden apps keep open for live sync (access token in the
/// <c>access_token</c> query string, JSON or MessagePack). The server only talks: each user is addressed by the
/// token's subject, so every device of the user gets the message, and the apps skip the one they caused.
/// </summary>
[Authorize]
public sealed class NotificationsHub : Hub;

/// <summary>
/// <c>/notifications/anonymous-hub</c>: a device waiting for a login-with-device answer joins the group named by
/// its request's <c>Token</c> query parameter.
/// </summary>
[AllowAnonymous]
public sealed class AnonymousNotificationsHub : Hub
{
    public override async Task OnConnectedAsync()
    {
        var token = Context.GetHttpContext()?.Request.Query["Token"].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(token) && token.Length <= 200)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, token);
        }
        await base.OnConnectedAsync();
    }
}

/// <summary>SignalR addresses users by the access token's <c>sub</c> (the JWT handler keeps claim names as issued).</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(TokenClaims.Subject)?.Value;
}
