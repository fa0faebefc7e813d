using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Who may do what with a collection, its access lists, and the shapes clients read.</summary>
public sealed class CollectionService(AppDbContext db, VaultAccess access, Providers.Assignments.ProviderReach reach, TimeProvider time)
{
    /// <summary>Saves and makes every member resync; later answers in this request see the new access.</summary>
    public async Task SaveAsync(Guid organizationId, CancellationToken ct)
    {
        await OrganizationRevision.SaveAndBumpMembersAsync(db, organizationId, time, ct);
        access.Forget();
    }

    /// <summary>The caller's merged access to each collection they are assigned to (directly or through groups).</summary>
    public async Task<Dictionary<Guid, AccessSelection>> AssignedAsync(CancellationToken ct) =>
        (await access.GrantsAsync(ct)).GroupBy(g => g.CollectionId).ToDictionary(g => g.Key,
            g => new AccessSelection(g.Key, g.All(x => x.ReadOnly), g.All(x => x.HidePasswords), g.Any(x => x.Manage)));

    /// <summary>The caller's collections across orgs: for sync and <c>GET /api/collections</c>.</summary>
    public async Task<List<CollectionDetailsResponse>> MineAsync(CancellationToken ct)
    {
        var grants = await access.GrantsAsync(ct);
        var assigned = await AssignedAsync(ct);
        // Only the clients the caller carries: a vault holds the collections of the items it holds.
        var clientOrgs = (await reach.CarriedOrgIdsAsync(ct)).ToList();
        // The granted collections came with the grants; the carried clients' are read by org.
        // Untracked: a technician's sync may list every collection of many clients.
        var collections = grants.Select(g => g.Collection)
            .Concat(clientOrgs.Count == 0 ? [] : await db.Collections.AsNoTracking().Where(c => clientOrgs.Contains(c.OrganizationId)).ToListAsync(ct))
            .DistinctBy(c => c.Id).OrderBy(c => c.Id).ToList();
        // Through a provider every collection of a client org is the caller's to manage.
        var full = new AccessSelection(Guid.Empty, ReadOnly: false, HidePasswords: false, Manage: true);
        return [.. collections.Select(c => (c, a: assigned.GetValueOrDefault(c.Id) ?? full))
            .Select(x => new CollectionDetailsResponse(x.c.Id, x.c.OrganizationId, x.c.Name, x.c.ExternalId, x.c.Type, null,
                x.a.ReadOnly, x.a.HidePasswords, x.a.Manage))];
    }

    public async Task<Collection> LoadAsync(OrgCaller caller, Guid id, CancellationToken ct) =>
        await db.Collections.SingleOrDefaultAsync(c => c.Id == id && c.OrganizationId == caller.OrganizationId, ct)
            ?? throw new NotFoundException();

    public async Task<bool> CanEditAsync(OrgCaller caller, Guid collectionId, CancellationToken ct) =>
        caller.CanEditAnyCollection || (await AssignedAsync(ct)).GetValueOrDefault(collectionId)?.Manage == true;

    public async Task<bool> CanDeleteAsync(OrgCaller caller, Guid collectionId, CancellationToken ct) =>
        caller.CanDeleteAnyCollection
        || (!caller.Organization.LimitCollectionDeletion && (await AssignedAsync(ct)).GetValueOrDefault(collectionId)?.Manage == true);

    /// <summary>Admins and those who may edit or delete any collection see every collection of the org.</summary>
    public static bool SeesAll(OrgCaller caller) =>
        caller.CanEditAnyCollection || caller.CanDeleteAnyCollection || caller.CanManageUsers || caller.CanManageGroups;

    /// <summary>Replaces who may reach the collection; every member and group named must belong to the org.</summary>
    public async Task SetAccessAsync(OrgCaller caller, Guid collectionId, IReadOnlyList<AccessSelection>? users,
        IReadOnlyList<AccessSelection>? groups, CancellationToken ct)
    {
        if (users is not null)
        {
            await EnsureInOrgAsync(caller, users.Select(u => u.Id).ToList(), groups: false, ct);
            Replace(db.CollectionUsers, await db.CollectionUsers.Where(a => a.CollectionId == collectionId).ToListAsync(ct),
                users, a => a.OrganizationUserId, id => new CollectionUser { CollectionId = collectionId, OrganizationUserId = id });
        }
        if (groups is not null)
        {
            await EnsureInOrgAsync(caller, groups.Select(g => g.Id).ToList(), groups: true, ct);
            Replace(db.CollectionGroups, await db.CollectionGroups.Where(a => a.CollectionId == collectionId).ToListAsync(ct),
                groups, a => a.GroupId, id => new CollectionGroup { CollectionId = collectionId, GroupId = id });
        }
    }

    /// <summary>Updates rows in place (a row deleted and re-added in one save would clash on its key).</summary>
    internal static void Replace<T>(DbSet<T> set, List<T> current, IReadOnlyList<AccessSelection> wanted, Func<T, Guid> idOf, Func<Guid, T> create)
        where T : class, ICollectionAccess
    {
        var byId = wanted.DistinctBy(w => w.Id).ToDictionary(w => w.Id);
        set.RemoveRange(current.Where(row => !byId.ContainsKey(idOf(row))));
        foreach (var selection in byId.Values)
        {
            var row = current.FirstOrDefault(r => idOf(r) == selection.Id);
            if (row is null)
            {
                row = create(selection.Id);
                set.Add(row);
            }
            row.ReadOnly = selection.ReadOnly;
            row.HidePasswords = selection.HidePasswords;
            row.Manage = selection.Manage;
        }
    }

    async Task EnsureInOrgAsync(OrgCaller caller, List<Guid> ids, bool groups, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var found = groups
            ? await db.Groups.CountAsync(g => g.OrganizationId == caller.OrganizationId && distinct.Contains(g.Id), ct)
            : await db.OrganizationUsers.CountAsync(m => m.OrganizationId == caller.OrganizationId && distinct.Contains(m.Id), ct);
        if (found != distinct.Count)
        {
            throw BadRequestException.ForField(groups ? "Groups" : "Users", groups
                ? "A group does not belong to this organization." : "A member does not belong to this organization.");
        }
    }

    public async Task<List<CollectionAccessDetailsResponse>> AccessDetailsAsync(IReadOnlyList<Collection> collections, CancellationToken ct)
    {
        var ids = collections.Select(c => c.Id).ToList();
        var users = (await db.CollectionUsers.Where(a => ids.Contains(a.CollectionId)).ToListAsync(ct)).ToLookup(a => a.CollectionId);
        var groups = (await db.CollectionGroups.Where(a => ids.Contains(a.CollectionId)).ToListAsync(ct)).ToLookup(a => a.CollectionId);
        var assigned = await AssignedAsync(ct);
        return [.. collections.Select(c =>
        {
            var mine = assigned.GetValueOrDefault(c.Id);
            var userList = users[c.Id].Select(a => new AccessSelection(a.OrganizationUserId, a.ReadOnly, a.HidePasswords, a.Manage)).ToList();
            var groupList = groups[c.Id].Select(a => new AccessSelection(a.GroupId, a.ReadOnly, a.HidePasswords, a.Manage)).ToList();
            return new CollectionAccessDetailsResponse(c.Id, c.OrganizationId, c.Name, c.ExternalId, c.Type, null,
                Assigned: mine is not null, mine?.ReadOnly ?? false, mine?.HidePasswords ?? false, mine?.Manage ?? false,
                Unmanaged: !userList.Any(u => u.Manage) && !groupList.Any(g => g.Manage), groupList, userList);
        })];
    }
}
