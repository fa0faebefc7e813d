using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Security;

namespace Custodian.Server.Features.Events;

/// <summary>What an event is about: ids only, never names or secrets.</summary>
public sealed record EventSubject(
    Guid? OrganizationId = null,
    Guid? CipherId = null,
    Guid? CollectionId = null,
    Guid? GroupId = null,
    Guid? PolicyId = null,
    Guid? OrganizationUserId = null,
    Guid? UserId = null,
    Guid? ProviderId = null,
    Guid? ProviderUserId = null,
    Guid? ProviderOrganizationId = null);

/// <summary>
/// Records audit events. <see cref="Add"/> only stages the row: it is written by the same <c>SaveChanges</c> as the
/// change it describes, so the log never claims a change that was rolled back, nor misses one that was kept.
/// </summary>
public sealed class EventLog(AppDbContext db, CurrentUser caller, IHttpContextAccessor http, TimeProvider time)
{
    /// <param name="date">When it happened, for events a client reports later; now otherwise.</param>
    /// <param name="reason">A technician's stated reason, on provider access events.</param>
    public void Add(EventType type, EventSubject subject, OrgCaller? actingIn = null, DateTime? date = null, string? reason = null)
    {
        var request = http.HttpContext?.Request;
        db.Events.Add(new Event
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            Date = date ?? time.GetUtcNow().UtcDateTime,
            OrganizationId = subject.OrganizationId ?? actingIn?.OrganizationId,
            CipherId = subject.CipherId,
            CollectionId = subject.CollectionId,
            GroupId = subject.GroupId,
            PolicyId = subject.PolicyId,
            OrganizationUserId = subject.OrganizationUserId,
            UserId = subject.UserId,
            ActingUserId = http.HttpContext?.User.Identity?.IsAuthenticated == true && caller.IsUser ? caller.Id : null,
            ProviderId = subject.ProviderId ?? actingIn?.ProviderId,
            ProviderUserId = subject.ProviderUserId,
            ProviderOrganizationId = subject.ProviderOrganizationId,
            Reason = reason,
            DeviceType = int.TryParse(request?.Headers["Device-Type"], out var device) ? device : null,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
