using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

/// <summary>One collection the caller reaches, directly or through a group, with the access it gives.</summary>
public sealed class CollectionGrant
{
    public Guid CollectionId => Collection.Id;
    public Guid OrganizationId { get; init; }
    public bool ReadOnly { get; init; }
    public bool HidePasswords { get; init; }
    public bool Manage { get; init; }
    /// <summary>The collection itself (untracked), read with the grant: sync lists the granted collections.</summary>
    public required Collection Collection { get; init; }
}

/// <summary>
/// What the caller may do with org items. Access comes from collections (direct or through groups) in orgs where
/// the caller is a confirmed member and the org is enabled; owners and admins (while the org allows it) and custom
/// members who may edit any collection reach every item of their org. Loaded once per request, on first use.
/// </summary>
public sealed class VaultAccess(AppDbContext db, CurrentUser caller, Providers.Assignments.ProviderReach reach)
{
    List<MemberOrg>? _memberships;
    List<CollectionGrant>? _grants;
    Dictionary<Guid, ManagedOrg>? _managedOrgs;
    List<Guid> _carriedClients = [];

    /// <summary>
    /// The collection rights of the memberships <paramref name="memberIds"/>, direct and through groups, each with
    /// its collection: one command for what took two (grants, then the granted collections by id). Every sync of
    /// a member runs it, so it is compiled (<see cref="CompiledQuery{TQuery}"/>).
    /// </summary>
    static readonly CompiledQuery<Func<AppDbContext, List<Guid>, IAsyncEnumerable<GrantRow>>> GrantsOfMembers = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, List<Guid> memberIds) =>
            (from cu in db.CollectionUsers
             where memberIds.Contains(cu.OrganizationUserId)
             select new GrantRow { MemberId = cu.OrganizationUserId, CollectionId = cu.CollectionId, ReadOnly = cu.ReadOnly, HidePasswords = cu.HidePasswords, Manage = cu.Manage })
            .Concat(from gu in db.GroupUsers
                    where memberIds.Contains(gu.OrganizationUserId)
                    join cg in db.CollectionGroups on gu.GroupId equals cg.GroupId
                    select new GrantRow { MemberId = gu.OrganizationUserId, CollectionId = cg.CollectionId, ReadOnly = cg.ReadOnly, HidePasswords = cg.HidePasswords, Manage = cg.Manage })
            .Join(db.Collections, g => g.CollectionId, c => c.Id, (g, c) => new GrantRow { MemberId = g.MemberId, CollectionId = g.CollectionId,
                ReadOnly = g.ReadOnly, HidePasswords = g.HidePasswords, Manage = g.Manage, Collection = c })
            .AsNoTracking()));

    /// <summary>A grant as read: the membership it comes through, and its collection once joined.</summary>
    sealed class GrantRow
    {
        public Guid MemberId { get; init; }
        public Guid CollectionId { get; init; }
        public bool ReadOnly { get; init; }
        public bool HidePasswords { get; init; }
        public bool Manage { get; init; }
        public Collection? Collection { get; init; }
    }

    /// <summary>Drops what was loaded, after a change to memberships or collection access in this request.</summary>
    public void Forget()
    {
        _memberships = null;
        _grants = null;
        _managedOrgs = null;
        reach.Forget();
    }

    /// <summary>The caller's confirmed memberships with their orgs: the profile lists them, the item rules judge by them.</summary>
    public async Task<IReadOnlyList<MemberOrg>> MembershipsAsync(CancellationToken ct) =>
        _memberships ??= await MemberOrg.ConfirmedAsync(db, caller.Id, ct);

    /// <summary>
    /// The caller's collection grants. Grants come only through confirmed memberships of enabled orgs, which are
    /// loaded first (the profile and the item rules need them anyway), so the grants are read by membership id.
    /// </summary>
    public async Task<IReadOnlyList<CollectionGrant>> GrantsAsync(CancellationToken ct)
    {
        if (_grants is null)
        {
            var orgOf = (await MembershipsAsync(ct)).Where(r => r.Org.Enabled).ToDictionary(r => r.Member.Id, r => r.Org.Id);
            var grants = new List<CollectionGrant>();
            if (orgOf.Count > 0)
            {
                await foreach (var row in GrantsOfMembers.For(db)(db, [.. orgOf.Keys]).WithCancellation(ct))
                {
                    grants.Add(new CollectionGrant
                    {
                        OrganizationId = orgOf[row.MemberId], ReadOnly = row.ReadOnly, HidePasswords = row.HidePasswords, Manage = row.Manage,
                        Collection = row.Collection!,
                    });
                }
            }
            _grants = grants;
        }
        return _grants;
    }

    /// <summary>
    /// Orgs in which the caller manages every item: as owner or admin, custom editor, or as a provider user carrying
    /// the client (<see cref="Providers.Assignments.ProviderReach"/>). A client the caller only administers is absent.
    /// </summary>
    /// <remarks>Client orgs are read as their flags only, so a technician carrying many clients holds no org rows.</remarks>
    public async Task<IReadOnlyDictionary<Guid, ManagedOrg>> ManagedOrgsAsync(CancellationToken ct)
    {
        if (_managedOrgs is null)
        {
            _carriedClients = [];
            var rows = (await MembershipsAsync(ct)).Where(r => r.Org.Enabled && r.Member.Type != OrganizationUserType.User);
            _managedOrgs = rows.Where(r => new OrgCaller(r.Org, r.Member, r.Member.Type, MemberPermissions.Parse(r.Member.Permissions), null).CanManageAllItems)
                .ToDictionary(r => r.Org.Id, r => new ManagedOrg(r.Org.LimitItemDeletion, r.Org.UseTotp));
            // Provider users manage every item of the clients they carry: that is the technician's job.
            var carried = (await reach.CarriedOrgIdsAsync(ct)).ToList();
            if (carried.Count > 0)
            {
                await foreach (var org in db.Organizations.Where(o => o.Enabled && carried.Contains(o.Id))
                    .Select(o => new { o.Id, o.LimitItemDeletion, o.UseTotp }).AsAsyncEnumerable().WithCancellation(ct))
                {
                    _managedOrgs[org.Id] = new ManagedOrg(org.LimitItemDeletion, org.UseTotp);
                    _carriedClients.Add(org.Id);
                }
                await reach.RecordFirstUseAsync(ct);
            }
        }
        return _managedOrgs;
    }

    /// <summary>The enabled client orgs whose every item the caller carries through a provider (a subset of the managed orgs).</summary>
    public async Task<IReadOnlyList<Guid>> CarriedClientsAsync(CancellationToken ct)
    {
        await ManagedOrgsAsync(ct);
        return _carriedClients;
    }

    /// <summary>
    /// Rights on each org item among <paramref name="ciphers"/> and the collection ids the caller may see it in;
    /// an item missing from the answer is one the caller cannot reach.
    /// </summary>
    public async Task<Dictionary<Guid, (CipherAccess Access, List<Guid> CollectionIds)>> ForOrgItemsAsync(
        IReadOnlyCollection<Cipher> ciphers, CancellationToken ct)
    {
        var result = new Dictionary<Guid, (CipherAccess, List<Guid>)>();
        var orgItems = ciphers.Where(c => c.OrganizationId is not null).ToList();
        if (orgItems.Count == 0)
        {
            return result;
        }
        var ids = orgItems.Select(c => c.Id).ToList();
        var links = (await db.CollectionCiphers.Where(l => ids.Contains(l.CipherId)).ToListAsync(ct)).ToLookup(l => l.CipherId, l => l.CollectionId);
        var orgIds = orgItems.Select(c => c.OrganizationId!.Value).Distinct().ToList();
        var rules = await RulesAsync(orgIds, ct);
        foreach (var cipher in orgItems)
        {
            if (rules.Resolve(cipher.OrganizationId!.Value, links[cipher.Id]) is { } resolved)
            {
                result[cipher.Id] = resolved;
            }
        }
        return result;
    }

    /// <summary>
    /// Everything needed to judge org items one by one without further queries: grants, managed orgs, and the
    /// flags (item deletion limits, TOTP) of <paramref name="orgIds"/> and of every managed org. Managed orgs are
    /// already loaded, so only the others are read, by id: one filter on "these ids or my client orgs" made
    /// PostgreSQL scan every org (5 ms of a 100-item sync, bench/README.md).
    /// </summary>
    public async Task<OrgItemRules> RulesAsync(IReadOnlyCollection<Guid> orgIds, CancellationToken ct)
    {
        var grants = (await GrantsAsync(ct)).GroupBy(g => g.CollectionId).ToDictionary(g => g.Key, g => g.ToList());
        var managed = await ManagedOrgsAsync(ct);
        var others = orgIds.Where(id => !managed.ContainsKey(id)).Distinct().ToList();
        var flags = managed.Select(o => (Id: o.Key, o.Value.LimitItemDeletion, o.Value.UseTotp)).ToList();
        // The orgs of the caller's memberships came with the managed orgs' read.
        var memberOrgs = (_memberships ?? []).Select(r => r.Org).Where(o => others.Contains(o.Id)).ToList();
        flags.AddRange(memberOrgs.Select(o => (o.Id, o.LimitItemDeletion, o.UseTotp)));
        others.RemoveAll(id => memberOrgs.Any(o => o.Id == id));
        if (others.Count > 0)
        {
            flags.AddRange((await db.Organizations.Where(o => others.Contains(o.Id) && (o.LimitItemDeletion || o.UseTotp))
                .Select(o => new { o.Id, o.LimitItemDeletion, o.UseTotp }).ToListAsync(ct)).Select(o => (o.Id, o.LimitItemDeletion, o.UseTotp)));
        }
        return new OrgItemRules(grants, managed, [.. flags.Where(f => f.LimitItemDeletion).Select(f => f.Id)],
            [.. flags.Where(f => f.UseTotp).Select(f => f.Id)]);
    }

    /// <summary>True when the caller may put items into every one of <paramref name="collectionIds"/> of the org.</summary>
    public async Task<bool> CanAddToCollectionsAsync(Guid organizationId, IReadOnlyCollection<Guid> collectionIds, CancellationToken ct)
    {
        var existing = await db.Collections.CountAsync(c => c.OrganizationId == organizationId && collectionIds.Contains(c.Id), ct);
        if (existing != collectionIds.Count)
        {
            return false;
        }
        if ((await ManagedOrgsAsync(ct)).ContainsKey(organizationId))
        {
            return true;
        }
        var writable = (await GrantsAsync(ct)).Where(g => !g.ReadOnly).Select(g => g.CollectionId).ToHashSet();
        return collectionIds.All(writable.Contains);
    }
}

/// <summary>An org whose every item the caller manages, with the org settings that shape item rights.</summary>
public sealed record ManagedOrg(bool LimitItemDeletion, bool UseTotp);

/// <summary>The caller's rights on org items, loaded once (<see cref="VaultAccess.RulesAsync"/>) and applied per item.</summary>
public sealed class OrgItemRules(IReadOnlyDictionary<Guid, List<CollectionGrant>> grants, IReadOnlyDictionary<Guid, ManagedOrg> managed,
    HashSet<Guid> limitsDeletion, HashSet<Guid> useTotp)
{
    public bool UsesTotp(Guid organizationId) => useTotp.Contains(organizationId);

    /// <summary>Rights on one item of <paramref name="organizationId"/> in <paramref name="collectionIds"/>; null when none.</summary>
    /// <remarks>Ids come out sorted, so that every route lists an item's collections alike, whatever order they were read in.</remarks>
    public (CipherAccess Access, List<Guid> CollectionIds)? Resolve(Guid organizationId, IEnumerable<Guid> collectionIds)
    {
        if (managed.ContainsKey(organizationId))
        {
            return (CipherMapper.FullAccess, [.. collectionIds.Order()]);
        }
        var visible = collectionIds.Where(grants.ContainsKey).Order().ToList();
        if (visible.Count == 0)
        {
            return null;
        }
        var mine = visible.SelectMany(id => grants[id]).ToList();
        var edit = mine.Any(g => !g.ReadOnly);
        var manage = mine.Any(g => g.Manage);
        var delete = limitsDeletion.Contains(organizationId) ? manage : edit;
        return (new CipherAccess(edit, mine.Any(g => !g.HidePasswords), delete, delete, manage), visible);
    }
}
