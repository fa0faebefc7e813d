using System.Text.Json;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>
/// Which template collection a client's collection was made from. The server cannot match names (they are encrypted),
/// so this is how it knows, later, which access a template gives an owner or admin on that collection.
/// </summary>
public sealed class TemplateCollectionOrigin
{
    public Guid CollectionId { get; set; }
    public Guid TemplateId { get; set; }
    /// <summary>The template collection's own reference (<see cref="TemplateCollection.Id"/>).</summary>
    public Guid TemplateCollectionId { get; set; }
}

sealed class TemplateCollectionOriginConfiguration : IEntityTypeConfiguration<TemplateCollectionOrigin>
{
    public void Configure(EntityTypeBuilder<TemplateCollectionOrigin> origin)
    {
        origin.ToTable("TemplateCollectionOrigins");
        origin.HasKey(o => o.CollectionId);
        origin.HasIndex(o => o.TemplateId);
        origin.HasOne<Collection>().WithMany().HasForeignKey(o => o.CollectionId).OnDelete(DeleteBehavior.Cascade);
        origin.HasOne<ProviderClientTemplate>().WithMany().HasForeignKey(o => o.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A template's default access for the owner and admin roles follows the role, not the people present when it was
/// applied: a member who becomes an owner or admin later (confirmed, or given the role) gets the access the
/// template gives that role on the collections it made. Owners and admins reach every collection in the Admin
/// Console anyway when the org allows it, but only assigned collections show in their vault and the Bitwarden apps,
/// which is what an MSP sets up a template for. Access a member already has, or that the same request took away,
/// is left as it is.
/// </summary>
public sealed class TemplateLeaderAccess(AppDbContext db)
{
    /// <summary>Adds (unsaved) the template access the given members' roles call for; returns how many rows it added.</summary>
    public async Task<int> GrantAsync(Guid organizationId, IReadOnlyCollection<OrganizationUser> members, CancellationToken ct)
    {
        var leaders = members.Where(m => m.Status != OrganizationUserStatus.Revoked
            && m.Type is OrganizationUserType.Owner or OrganizationUserType.Admin).ToList();
        if (leaders.Count == 0)
        {
            return 0;
        }
        var origins = await (from o in db.Set<TemplateCollectionOrigin>()
                             join c in db.Collections on o.CollectionId equals c.Id
                             join t in db.ProviderClientTemplates on o.TemplateId equals t.Id
                             where c.OrganizationId == organizationId
                             select new { o.CollectionId, o.TemplateId, o.TemplateCollectionId, t.Body }).ToListAsync(ct);
        if (origins.Count == 0)
        {
            return 0;
        }
        var templates = origins.DistinctBy(o => o.TemplateId).ToDictionary(o => o.TemplateId,
            o => (JsonSerializer.Deserialize<TemplateBody>(o.Body, JsonDefaults.Options)!.Collections ?? []).ToDictionary(c => c.Id));
        var memberIds = leaders.Select(m => m.Id).ToList();
        var collectionIds = origins.Select(o => o.CollectionId).ToList();
        await db.CollectionUsers.Where(a => memberIds.Contains(a.OrganizationUserId) && collectionIds.Contains(a.CollectionId)).LoadAsync(ct);
        // Tracked rows in any state: kept, just added, or removed by the request being saved.
        var present = db.ChangeTracker.Entries<CollectionUser>().Select(e => (e.Entity.CollectionId, e.Entity.OrganizationUserId)).ToHashSet();
        var added = 0;
        foreach (var member in leaders)
        {
            foreach (var origin in origins)
            {
                if (present.Contains((origin.CollectionId, member.Id)) || !templates[origin.TemplateId].TryGetValue(origin.TemplateCollectionId, out var wanted))
                {
                    continue;
                }
                var access = member.Type == OrganizationUserType.Owner ? wanted.OwnerAccess : wanted.AdminAccess;
                if (access is not null)
                {
                    db.CollectionUsers.Add(new CollectionUser
                    {
                        CollectionId = origin.CollectionId, OrganizationUserId = member.Id, ReadOnly = access.ReadOnly,
                        HidePasswords = access.HidePasswords, Manage = access.Manage,
                    });
                    added++;
                }
            }
        }
        return added;
    }
}
