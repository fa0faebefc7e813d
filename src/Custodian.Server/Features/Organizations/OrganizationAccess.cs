using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// What the caller may do in one organization. Built once per request by <see cref="OrganizationAccess"/>;
/// handlers ask it, never the membership row, so provider access (which has no membership) follows the same rules.
/// </summary>
public sealed record OrgCaller(Organization Organization, OrganizationUser? Membership, OrganizationUserType Role,
    MemberPermissions Permissions, Guid? ProviderId)
{
    /// <summary>A provider user who carries this client's items (assigned or granted); administration needs no items.</summary>
    public bool CarriesClientItems { get; init; }
    public Guid OrganizationId => Organization.Id;
    public bool IsOwner => Role == OrganizationUserType.Owner;
    public bool IsAdmin => Role is OrganizationUserType.Owner or OrganizationUserType.Admin;
    public bool IsProviderUser => ProviderId is not null;

    bool Custom(Func<MemberPermissions, bool> flag) => IsAdmin || (Role == OrganizationUserType.Custom && flag(Permissions));

    public bool CanManageUsers => Custom(p => p.ManageUsers);
    public bool CanManageGroups => Custom(p => p.ManageGroups);
    public bool CanManagePolicies => Custom(p => p.ManagePolicies);
    public bool CanAccessEventLogs => Custom(p => p.AccessEventLogs);
    /// <summary>Import and export move items, so a provider user needs the client's items for them.</summary>
    public bool CanAccessImportExport => Custom(p => p.AccessImportExport) && (!IsProviderUser || CarriesClientItems);
    public bool CanAccessReports => Custom(p => p.AccessReports);
    public bool CanManageScim => Custom(p => p.ManageScim);
    /// <summary>Account recovery: owners, admins, custom members with the permission, and the provider's users.</summary>
    public bool CanRecoverAccounts => Custom(p => p.ManageResetPassword);
    public bool CanCreateCollections => Custom(p => p.CreateNewCollections)
        || (!Organization.LimitCollectionCreation && Membership?.Status == OrganizationUserStatus.Confirmed);
    public bool CanEditAnyCollection => Custom(p => p.EditAnyCollection);
    public bool CanDeleteAnyCollection => Custom(p => p.DeleteAnyCollection);
    /// <summary>Owners and admins reach every item only while the org allows it; custom editors always do.</summary>
    public bool CanManageAllItems => IsProviderUser
        ? CarriesClientItems
        : (IsAdmin && Organization.AllowAdminAccessToAllCollectionItems) || (Role == OrganizationUserType.Custom && Permissions.EditAnyCollection);
}

/// <summary>Resolves <see cref="OrgCaller"/>. Every denial is a 404: a stranger cannot tell an org exists.</summary>
public sealed class OrganizationAccess(AppDbContext db, CurrentUser caller, Providers.Assignments.ProviderReach reach)
{
    /// <summary>A confirmed member of an enabled org (or, later, a user of its provider), passing <paramref name="allowed"/>.</summary>
    public async Task<OrgCaller> RequireAsync(Guid organizationId, Func<OrgCaller, bool> allowed, CancellationToken ct)
    {
        var access = await FindAsync(organizationId, ct);
        if (access is null || !allowed(access))
        {
            throw new NotFoundException();
        }
        return access;
    }

    public Task<OrgCaller> RequireMemberAsync(Guid organizationId, CancellationToken ct) =>
        RequireAsync(organizationId, _ => true, ct);

    /// <summary>
    /// Deleting an org: its own confirmed owner, or an admin of the provider that manages it. Service users act as
    /// owners for daily work, but removing a customer for good changes the provider and stays with its admins.
    /// </summary>
    public async Task<OrgCaller> RequireDeleterAsync(Guid organizationId, CancellationToken ct)
    {
        var access = await RequireAsync(organizationId, c => c.IsOwner, ct);
        if (access.Membership?.Type == OrganizationUserType.Owner)
        {
            return access;
        }
        var userId = caller.Id;
        if (access.ProviderId is { } providerId && await Providers.ProviderAccess.ActiveUsers(db, userId)
                .AnyAsync(u => u.ProviderId == providerId && u.Type == Providers.ProviderUserType.ProviderAdmin, ct))
        {
            return access;
        }
        throw new NotFoundException();
    }

    async Task<OrgCaller?> FindAsync(Guid organizationId, CancellationToken ct)
    {
        var userId = caller.Id;
        // The org and the caller's membership in one query (a member appears once per org).
        var found = await db.Organizations.Where(o => o.Id == organizationId)
            .Select(o => new { Org = o, Membership = db.OrganizationUsers.FirstOrDefault(m => m.OrganizationId == o.Id && m.UserId == userId) })
            .SingleOrDefaultAsync(ct);
        if (found is not { Org: var org })
        {
            return null;
        }
        var confirmed = found.Membership is { Status: OrganizationUserStatus.Confirmed } membership ? membership : null;
        // A provider's users administer its client orgs as owners without being members (whatever their membership);
        // the client's items only when they carry it.
        var providerId = org.Enabled && reach.MayActForProvider
            ? await Providers.ProviderAccess.ProviderIdFor(db, userId, organizationId).Cast<Guid?>().FirstOrDefaultAsync(ct)
            : null;
        if (providerId is not null)
        {
            return new OrgCaller(org, confirmed, OrganizationUserType.Owner, MemberPermissions.None, providerId)
            {
                CarriesClientItems = (await reach.CarriedOrgIdsAsync(ct)).Contains(organizationId),
            };
        }
        if (confirmed is not null && (org.Enabled || confirmed.Type == OrganizationUserType.Owner))
        {
            return new OrgCaller(org, confirmed, confirmed.Type, MemberPermissions.Parse(confirmed.Permissions), null);
        }
        return null;
    }
}
