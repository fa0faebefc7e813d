using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Custodian.Server.Features.Providers;

/// <summary>
/// The one place that decides, inside a save, which providers' <see cref="Provider.ClientsRevision"/> moves: those
/// whose client list as a provider user's profile shows it (<see cref="ProviderClientProfiles"/>) the save changes.
/// That is a link added, removed or re-keyed; a linked org deleted or changed in a column its entry shows
/// (<see cref="OrgProfile.Properties"/>, so a column added there is covered here too); or the provider row itself
/// changed (its name and type are in every entry). Called by <see cref="RevisionInterceptor"/> for every save, so
/// no write path has to remember it; a write that bypasses the change tracker (ExecuteUpdate, raw SQL) on these
/// tables must move the revision itself, and none does today.
/// </summary>
public static class ClientsRevision
{
    /// <summary>The providers to move, and the changed orgs whose provider (if any) only the database knows.</summary>
    public static (HashSet<Guid> Providers, List<Guid> Orgs) Changes(IEnumerable<EntityEntry> entries)
    {
        var providers = new HashSet<Guid>();
        var orgs = new List<Guid>();
        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case ProviderOrganization link when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    providers.Add(link.ProviderId);
                    if (entry.State == EntityState.Modified && entry.OriginalValues[nameof(ProviderOrganization.ProviderId)] is Guid before)
                    {
                        providers.Add(before);
                    }
                    break;
                case Organization org when entry.State == EntityState.Deleted
                    || entry.State == EntityState.Modified && OrgProfile.Properties.Any(p => entry.Property(p).IsModified):
                    orgs.Add(org.Id);
                    break;
                case Provider provider when entry.State == EntityState.Modified
                    && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(Provider.ClientsRevision)):
                    providers.Add(provider.Id);
                    break;
            }
        }
        return (providers, orgs);
    }

    /// <summary>The providers the changed orgs are linked to, read before the save (a deleted org's link goes with it).</summary>
    public static IQueryable<Guid> ProvidersOf(AppDbContext db, List<Guid> orgs) =>
        db.ProviderOrganizations.AsNoTracking().Where(l => orgs.Contains(l.OrganizationId)).Select(l => l.ProviderId);

    /// <summary>Gives each provider a new revision in this save, tracked or not (an untracked one through a key-only stub).</summary>
    public static void Move(DbContext db, IEnumerable<Guid> providers, Action<EntityEntry> stubAttached)
    {
        foreach (var id in providers)
        {
            var tracked = db.ChangeTracker.Entries<Provider>().FirstOrDefault(e => e.Entity.Id == id);
            if (tracked is not null)
            {
                if (tracked.State != EntityState.Deleted)
                {
                    tracked.Property(p => p.ClientsRevision).CurrentValue = Guid.NewGuid();
                }
                continue;
            }
            var stub = db.Attach(new Provider { Id = id, Name = "" });
            stub.Property(p => p.ClientsRevision).CurrentValue = Guid.NewGuid();
            stub.Property(p => p.ClientsRevision).IsModified = true;
            stubAttached(stub);
        }
    }
}
