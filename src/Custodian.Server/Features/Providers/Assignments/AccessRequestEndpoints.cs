using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// Time-boxed access, from the provider's side (any technician asks; admins approve, deny and revoke; the requester
/// may revoke their own) and from the client's (its owners and admins read who reaches their vault, set their own
/// approval rule, and approve or deny when that rule asks them).
/// </summary>
public static class AccessRequestEndpoints
{
    public static RouteGroupBuilder MapAccessRequestEndpoints(this RouteGroupBuilder api)
    {
        var provider = api.MapGroup("/providers/{providerId:guid}/access-requests").WithTags("Provider access requests").RequireProviderUser();
        provider.MapGet("", List);
        provider.MapPost("", Request);
        provider.MapPost("/{id:guid}/approve", (Guid providerId, Guid id, AppDbContext db, AccessGrantService grants, CancellationToken ct) =>
            DecideAsync(db, grants, providerId, id, approve: true, ct)).AdminOnly();
        provider.MapPost("/{id:guid}/deny", (Guid providerId, Guid id, AppDbContext db, AccessGrantService grants, CancellationToken ct) =>
            DecideAsync(db, grants, providerId, id, approve: false, ct)).AdminOnly();
        provider.MapPost("/{id:guid}/revoke", Revoke);

        var client = api.MapGroup("/organizations/{organizationId:guid}/provider-access").WithTags("Provider access");
        client.MapGet("", ClientView);
        client.MapPut("/settings", UpdateClientRule);
        client.MapPost("/requests/{id:guid}/approve", (Guid organizationId, Guid id, OrganizationAccess access, AppDbContext db, AccessGrantService grants,
            CancellationToken ct) => ClientDecideAsync(organizationId, id, approve: true, access, db, grants, ct));
        client.MapPost("/requests/{id:guid}/deny", (Guid organizationId, Guid id, OrganizationAccess access, AppDbContext db, AccessGrantService grants,
            CancellationToken ct) => ClientDecideAsync(organizationId, id, approve: false, access, db, grants, ct));
        return provider;
    }

    /// <summary>Admins see every request of the provider; a technician sees their own.</summary>
    static async Task<ListResponse<AccessGrantResponse>> List(Guid providerId, ProviderCallers callers, AppDbContext db, CancellationToken ct)
    {
        var me = callers.Current;
        var grants = db.ProviderAccessGrants.Where(g => g.ProviderId == providerId && (me.IsAdmin || g.ProviderUserId == me.User.Id));
        return new(await AccessGrantService.Responses(db, grants).Take(500).ToListAsync(ct));
    }

    static async Task<AccessGrantResponse> Request(Guid providerId, AccessGrantRequest request, ProviderCallers callers, AppDbContext db,
        AccessGrantService grants, CancellationToken ct)
    {
        var grant = await grants.RequestAsync(callers.Current, request, ct);
        return await ResponseAsync(db, grant.Id, ct);
    }

    static async Task<AccessGrantResponse> DecideAsync(AppDbContext db, AccessGrantService grants, Guid providerId, Guid id, bool approve, CancellationToken ct)
    {
        var grant = await db.ProviderAccessGrants.SingleOrDefaultAsync(g => g.Id == id && g.ProviderId == providerId, ct) ?? throw new NotFoundException();
        await grants.DecideAsync(grant, ApprovalSide.Provider, approve, ct);
        return await ResponseAsync(db, id, ct);
    }

    static async Task<AccessGrantResponse> Revoke(Guid providerId, Guid id, ProviderCallers callers, AppDbContext db, AccessGrantService grants, CancellationToken ct)
    {
        var me = callers.Current;
        var grant = await db.ProviderAccessGrants.SingleOrDefaultAsync(g => g.Id == id && g.ProviderId == providerId
            && (me.IsAdmin || g.ProviderUserId == me.User.Id), ct) ?? throw new NotFoundException();
        await grants.RevokeAsync(grant, ct);
        return await ResponseAsync(db, id, ct);
    }

    static Task<AccessGrantResponse> ResponseAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        AccessGrantService.Responses(db, db.ProviderAccessGrants.Where(g => g.Id == id)).SingleAsync(ct);

    /// <summary>The client's own owners and admins (members, not the provider acting as owner) rule on their approval.</summary>
    static Task<OrgCaller> RequireClientAdminAsync(OrganizationAccess access, Guid organizationId, CancellationToken ct) =>
        access.RequireAsync(organizationId, c => c.Membership is { Status: OrganizationUserStatus.Confirmed, Type: OrganizationUserType.Owner or OrganizationUserType.Admin }, ct);

    /// <summary>Who reaches the vault now and every request so far; the client's admins and the provider's users may read it.</summary>
    static async Task<ClientProviderAccessResponse> ClientView(Guid organizationId, OrganizationAccess access, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.IsAdmin, ct);
        var provider = await (from l in db.ProviderOrganizations
                              where l.OrganizationId == organizationId
                              join p in db.Providers on l.ProviderId equals p.Id
                              select new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        var now = provider is null ? [] : await ReachList.ListAsync(db, provider.Id, organizationId, null, time.GetUtcNow().UtcDateTime, ct);
        var grants = await AccessGrantService.Responses(db, db.ProviderAccessGrants.Where(g => g.OrganizationId == organizationId)).Take(500).ToListAsync(ct);
        return new(provider?.Id, provider?.Name, caller.Organization.ProviderAccessNeedsApproval, now, grants);
    }

    static async Task<ClientProviderAccessResponse> UpdateClientRule(Guid organizationId, ClientApprovalSettingRequest request, OrganizationAccess access,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = await RequireClientAdminAsync(access, organizationId, ct);
        caller.Organization.ProviderAccessNeedsApproval = request.RequiresApproval;
        await db.SaveChangesAsync(ct);
        return await ClientView(organizationId, access, db, time, ct);
    }

    static async Task<AccessGrantResponse> ClientDecideAsync(Guid organizationId, Guid id, bool approve, OrganizationAccess access, AppDbContext db,
        AccessGrantService grants, CancellationToken ct)
    {
        await RequireClientAdminAsync(access, organizationId, ct);
        var grant = await db.ProviderAccessGrants.SingleOrDefaultAsync(g => g.Id == id && g.OrganizationId == organizationId, ct) ?? throw new NotFoundException();
        await grants.DecideAsync(grant, ApprovalSide.Client, approve, ct);
        return await ResponseAsync(db, id, ct);
    }
}
