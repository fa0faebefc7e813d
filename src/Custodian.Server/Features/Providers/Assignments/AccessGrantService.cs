using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>Which side's approval a decision stands for.</summary>
public enum ApprovalSide
{
    Provider,
    Client,
}

/// <summary>
/// Time-boxed access: a technician asks for a client with a reason and a duration; the provider's rule (per client,
/// else the provider's default) and the client's own rule say whose approvals it waits for; when none is missing the
/// clock starts. Every step is an event in both logs, and the technician resyncs whenever the grant goes live or ends.
/// </summary>
public sealed class AccessGrantService(AppDbContext db, EventLog events, ProviderReach reach, CurrentUser caller, TimeProvider time)
{
    public const string NotPending = "This request is not waiting for that decision.";

    public async Task<ProviderAccessGrant> RequestAsync(ProviderCaller technician, AccessGrantRequest request, CancellationToken ct)
    {
        var provider = technician.Provider;
        var link = await db.ProviderOrganizations.SingleOrDefaultAsync(l => l.ProviderId == provider.Id && l.OrganizationId == request.OrganizationId, ct)
            ?? throw BadRequestException.ForField("OrganizationId", "The organization is not a client of this provider.");
        if (request.DurationMinutes > provider.MaxAccessGrantMinutes)
        {
            throw BadRequestException.ForField("DurationMinutes", $"The longest access this provider allows is {provider.MaxAccessGrantMinutes} minutes.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.ProviderAccessGrants.AnyAsync(g => g.ProviderUserId == technician.User.Id && g.OrganizationId == request.OrganizationId
                && (g.Status == AccessGrantStatus.Requested || (g.Status == AccessGrantStatus.Approved && g.ExpiresAt > now)), ct))
        {
            throw new BadRequestException("You already have a pending request or live access for this client.");
        }
        var clientRule = await db.ProviderClientSettings.Where(s => s.ProviderOrganizationId == link.Id).Select(s => (bool?)s.RequestsNeedApproval).SingleOrDefaultAsync(ct);
        var grant = new ProviderAccessGrant
        {
            Id = Guid.CreateVersion7(), ProviderId = provider.Id, ProviderUserId = technician.User.Id, OrganizationId = request.OrganizationId,
            Reason = request.Reason.Trim(), DurationMinutes = request.DurationMinutes, Status = AccessGrantStatus.Requested,
            AwaitsProvider = clientRule ?? provider.AccessRequestsNeedApproval,
            AwaitsClient = await db.Organizations.Where(o => o.Id == request.OrganizationId).Select(o => o.ProviderAccessNeedsApproval).SingleAsync(ct),
            CreationDate = now,
        };
        db.ProviderAccessGrants.Add(grant);
        Record(EventType.ProviderAccess_Requested, grant, technician.User.UserId);
        StartIfApproved(grant, now, technician.User.UserId);
        await SaveAsync(technician.User.UserId, ct);
        return grant;
    }

    /// <summary>One side approves or denies a pending request; the last approval starts the clock.</summary>
    public async Task DecideAsync(ProviderAccessGrant grant, ApprovalSide side, bool approve, CancellationToken ct)
    {
        var awaited = side == ApprovalSide.Provider ? grant.AwaitsProvider : grant.AwaitsClient;
        if (grant.Status != AccessGrantStatus.Requested || !awaited)
        {
            throw new BadRequestException(NotPending);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var technician = await TechnicianUserIdAsync(grant, ct);
        grant.DecidedByUserId = caller.Id;
        grant.DecidedAt = now;
        if (!approve)
        {
            grant.Status = AccessGrantStatus.Denied;
            Record(EventType.ProviderAccess_Denied, grant, technician);
        }
        else
        {
            if (side == ApprovalSide.Provider)
            {
                grant.AwaitsProvider = false;
            }
            else
            {
                grant.AwaitsClient = false;
            }
            Record(EventType.ProviderAccess_Approved, grant, technician);
            StartIfApproved(grant, now, technician, recordApproval: false);
        }
        await SaveAsync(technician, ct);
    }

    /// <summary>Ends a pending request or live access before its time.</summary>
    public async Task RevokeAsync(ProviderAccessGrant grant, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (grant.Status is not (AccessGrantStatus.Requested or AccessGrantStatus.Approved) || (grant.Status == AccessGrantStatus.Approved && grant.ExpiresAt <= now))
        {
            throw new BadRequestException("This access has already ended.");
        }
        var technician = await TechnicianUserIdAsync(grant, ct);
        grant.Status = AccessGrantStatus.Revoked;
        grant.DecidedByUserId = caller.Id;
        grant.DecidedAt = now;
        Record(EventType.ProviderAccess_Revoked, grant, technician);
        await SaveAsync(technician, ct);
    }

    void StartIfApproved(ProviderAccessGrant grant, DateTime now, Guid? technician, bool recordApproval = true)
    {
        if (grant.AwaitsProvider || grant.AwaitsClient)
        {
            return;
        }
        grant.Status = AccessGrantStatus.Approved;
        grant.ExpiresAt = now.AddMinutes(grant.DurationMinutes);
        if (recordApproval)
        {
            // Granted at once by the provider's rule: recorded as an approval all the same.
            Record(EventType.ProviderAccess_Approved, grant, technician);
        }
    }

    void Record(EventType type, ProviderAccessGrant grant, Guid? technician) =>
        AccessEvents.Add(events, type, grant.ProviderId, grant.ProviderUserId, technician, grant.OrganizationId, grant.Reason);

    Task<Guid?> TechnicianUserIdAsync(ProviderAccessGrant grant, CancellationToken ct) =>
        db.ProviderUsers.Where(u => u.Id == grant.ProviderUserId).Select(u => u.UserId).SingleAsync(ct);

    /// <summary>The technician's vault gains or loses the client: their clients resync.</summary>
    async Task SaveAsync(Guid? technician, CancellationToken ct)
    {
        await OrganizationRevision.SaveAndBumpUsersAsync(db, technician is { } id ? [id] : [], time, ct);
        reach.Forget();
    }

    public static IQueryable<AccessGrantResponse> Responses(AppDbContext db, IQueryable<ProviderAccessGrant> grants) =>
        from g in grants
        join u in db.ProviderUsers on g.ProviderUserId equals u.Id
        from a in db.Users.Where(a => a.Id == u.UserId).DefaultIfEmpty()
        from o in db.Organizations.Where(o => o.Id == g.OrganizationId).DefaultIfEmpty()
        orderby g.CreationDate descending
        select new AccessGrantResponse(g.Id, g.ProviderId, g.ProviderUserId, u.UserId, a == null ? u.Email : a.Email, g.OrganizationId,
            o == null ? null : o.Name, g.Reason, g.DurationMinutes, g.Status, g.AwaitsProvider, g.AwaitsClient, g.DecidedByUserId, g.DecidedAt,
            g.ExpiresAt, g.FirstUsedAt, g.CreationDate);
}
