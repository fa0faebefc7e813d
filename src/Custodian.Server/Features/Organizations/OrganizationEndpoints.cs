using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>The organization itself: create, read, settings, keys, API key, delete, leave.</summary>
public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var orgs = api.MapGroup("/organizations").WithTags("Organizations");
        orgs.MapGet("", ListOrganizations);
        orgs.MapPost("", CreateOrganization);
        orgs.MapGet("/{id:guid}", GetOrganization);
        orgs.MapPut("/{id:guid}", UpdateOrganization);
        orgs.MapPost("/{id:guid}", UpdateOrganization); // legacy alias still used by older web vaults
        orgs.MapGet("/{id:guid}/keys", GetKeys);
        orgs.MapPost("/{id:guid}/keys", SetKeys);
        orgs.MapPut("/{id:guid}/collection-management", UpdateCollectionManagement);
        orgs.MapOrganizationApiKeyEndpoints();
        orgs.MapDelete("/{id:guid}", DeleteOrganization);
        orgs.MapPost("/{id:guid}/delete", DeleteOrganization); // legacy alias
        orgs.MapPost("/{id:guid}/leave", LeaveOrganization);
        return orgs;
    }

    static async Task<ListResponse<ProfileOrganizationResponse>> ListOrganizations(AppDbContext db, CurrentUser caller, CancellationToken ct) =>
        new(await ProfileOrganizationResponse.ForUserAsync(db, caller.Id, ct));

    static async Task<OrganizationResponse> CreateOrganization(OrganizationCreateRequest request, AppDbContext db,
        CurrentUser caller, TimeProvider time, CancellationToken ct)
    {
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        await PolicyRules.EnsureSingleOrgAllowsJoiningAsync(db, user.Id, null, OrganizationUserType.Owner, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var org = new Organization
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name,
            BusinessName = request.BusinessName,
            BillingEmail = request.BillingEmail,
            PlanType = request.PlanType,
            ProductTier = OrganizationPlans.TierOf(request.PlanType),
            PublicKey = request.Keys?.PublicKey,
            PrivateKey = request.Keys?.EncryptedPrivateKey,
            ApiKey = "",   // made when an owner first asks for it (OrganizationApiKeyEndpoints)
            CreationDate = now,
        };
        var owner = new OrganizationUser
        {
            Id = Guid.CreateVersion7(), OrganizationId = org.Id, UserId = user.Id, Key = request.Key,
            Status = OrganizationUserStatus.Confirmed, Type = OrganizationUserType.Owner, CreationDate = now,
        };
        db.Organizations.Add(org);
        db.OrganizationUsers.Add(owner);
        if (request.CollectionName is not null)
        {
            var collection = new Collection { Id = Guid.CreateVersion7(), OrganizationId = org.Id, Name = request.CollectionName, CreationDate = now };
            db.Collections.Add(collection);
            db.CollectionUsers.Add(new CollectionUser { CollectionId = collection.Id, OrganizationUserId = owner.Id, Manage = true });
        }
        await db.SaveChangesAsync(ct);
        return OrganizationResponse.From(org);
    }

    static async Task<OrganizationResponse> GetOrganization(Guid id, OrganizationAccess access, CancellationToken ct) =>
        OrganizationResponse.From((await access.RequireMemberAsync(id, ct)).Organization);

    static async Task<OrganizationResponse> UpdateOrganization(Guid id, OrganizationUpdateRequest request,
        OrganizationAccess access, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(id, c => c.IsOwner, ct);
        var org = caller.Organization;
        events.Add(EventType.Organization_Updated, new EventSubject(), caller);
        org.Name = request.Name;
        org.BusinessName = request.BusinessName;
        org.BillingEmail = request.BillingEmail ?? org.BillingEmail;
        SetKeysOnce(org, request.Keys);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, id, time, ct, OrgChange.Profile);
        return OrganizationResponse.From(org);
    }

    /// <summary>
    /// Members, and invitees too: with automatic recovery enrollment the web vault wraps the user key to the org's
    /// public key before accepting. The private key is under the org key, which an invitee does not hold.
    /// </summary>
    static async Task<OrganizationKeysResponse> GetKeys(Guid id, OrganizationAccess access, AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var invited = await db.OrganizationUsers.AnyAsync(m => m.OrganizationId == id && m.Status == OrganizationUserStatus.Invited
            && db.Users.Any(u => u.Id == caller.Id && u.Email == m.Email), ct);
        var org = invited
            ? await db.Organizations.SingleAsync(o => o.Id == id, ct)
            : (await access.RequireMemberAsync(id, ct)).Organization;
        return new(org.PublicKey, org.PrivateKey);
    }

    /// <summary>Orgs created by old clients lack a key pair; an admin's client adds it once.</summary>
    static async Task<OrganizationKeysResponse> SetKeys(Guid id, Identity.KeysRequest request, OrganizationAccess access,
        AppDbContext db, CancellationToken ct)
    {
        var org = (await access.RequireAsync(id, c => c.IsAdmin, ct)).Organization;
        if (org.PublicKey is not null && org.PrivateKey is not null)
        {
            throw new BadRequestException("Organization Keys already exist.");
        }
        SetKeysOnce(org, request);
        await db.SaveChangesAsync(ct);
        return new(org.PublicKey, org.PrivateKey);
    }

    static void SetKeysOnce(Organization org, Identity.KeysRequest? keys)
    {
        if (keys is not null && org.PublicKey is null && org.PrivateKey is null)
        {
            org.PublicKey = keys.PublicKey;
            org.PrivateKey = keys.EncryptedPrivateKey;
        }
    }

    static async Task<OrganizationResponse> UpdateCollectionManagement(Guid id, OrganizationCollectionManagementRequest request,
        OrganizationAccess access, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(id, c => c.IsOwner, ct);
        var org = caller.Organization;
        events.Add(EventType.Organization_CollectionManagementUpdated, new EventSubject(), caller);
        org.LimitCollectionCreation = request.LimitCollectionCreation;
        org.LimitCollectionDeletion = request.LimitCollectionDeletion;
        org.LimitItemDeletion = request.LimitItemDeletion;
        org.AllowAdminAccessToAllCollectionItems = request.AllowAdminAccessToAllCollectionItems;
        await OrganizationRevision.SaveAndBumpMembersAsync(db, id, time, ct);
        return OrganizationResponse.From(org);
    }

    static async Task DeleteOrganization(Guid id, [FromBody] OrganizationVerifyRequest request, OrganizationAccess access,
        AppDbContext db, CurrentUser caller, MasterPasswordHasher hasher, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var deleter = await access.RequireDeleterAsync(id, ct);
        hasher.Require(await AccountEndpoints.LoadAsync(db, caller, ct), request.MasterPasswordHash);
        // A client's deletion also goes to its provider's log, whoever deletes it (the provider or the org's owner).
        var link = await db.ProviderOrganizations.AsNoTracking().SingleOrDefaultAsync(l => l.OrganizationId == id, ct);
        events.Add(EventType.Organization_Deleted,
            new EventSubject(OrganizationId: id, ProviderId: link?.ProviderId, ProviderOrganizationId: link?.Id), deleter);
        db.Organizations.Remove(deleter.Organization);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, id, time, ct, OrgChange.Profile);
    }

    static async Task LeaveOrganization(Guid id, OrganizationAccess access, AppDbContext db, EventLog events, CancellationToken ct)
    {
        var me = await access.RequireMemberAsync(id, ct);
        var membership = me.Membership ?? throw new BadRequestException("Only members can leave an organization.");
        await MemberRules.EnsureAnotherConfirmedOwnerAsync(db, membership, ct);
        db.OrganizationUsers.Remove(membership);
        events.Add(EventType.OrganizationUser_Left, new EventSubject(OrganizationUserId: membership.Id, UserId: membership.UserId), me);
        await db.SaveChangesAsync(ct);
    }
}
