using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Custodian.Server.Features.Events.Sinks;

/// <summary>
/// Puts every new event owed to a provider's sink into the outbox, inside the save that writes the event. An event
/// is owed to the sinks of its provider, and to those of the provider its organization is a client of (the
/// provider's audit roll-up includes its clients' own members). Saves without events cost nothing.
/// </summary>
public sealed class EventOutboxInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db && Added(db) is { Count: > 0 } events)
        {
            Enqueue(db, Routes(db, events).ToList(), events);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && Added(db) is { Count: > 0 } events)
        {
            Enqueue(db, await Routes(db, events).ToListAsync(cancellationToken), events);
        }
        return result;
    }

    static List<Event> Added(AppDbContext db) =>
        [.. db.ChangeTracker.Entries<Event>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>Each enabled sink with the provider it belongs to and the clients that provider has among these events' orgs.</summary>
    static IQueryable<SinkRoute> Routes(AppDbContext db, List<Event> events)
    {
        var providerIds = events.Where(e => e.ProviderId != null).Select(e => e.ProviderId!.Value).Distinct().ToList();
        var orgIds = events.Where(e => e.OrganizationId != null).Select(e => e.OrganizationId!.Value).Distinct().ToList();
        return from s in db.Set<EventSink>()
               where s.Enabled && (providerIds.Contains(s.ProviderId)
                   || db.ProviderOrganizations.Any(l => l.ProviderId == s.ProviderId && orgIds.Contains(l.OrganizationId)))
               select new SinkRoute
               {
                   SinkId = s.Id, ProviderId = s.ProviderId,
                   ClientIds = db.ProviderOrganizations.Where(l => l.ProviderId == s.ProviderId && orgIds.Contains(l.OrganizationId))
                       .Select(l => l.OrganizationId).ToList(),
               };
    }

    void Enqueue(AppDbContext db, List<SinkRoute> routes, List<Event> events)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var route in routes)
        {
            foreach (var e in events.Where(e => e.ProviderId == route.ProviderId
                || (e.OrganizationId is { } org && route.ClientIds.Contains(org))))
            {
                db.Set<EventDelivery>().Add(new EventDelivery { Id = Guid.CreateVersion7(), SinkId = route.SinkId, EventId = e.Id, NextAttemptDate = now });
            }
        }
    }

    sealed class SinkRoute
    {
        public Guid SinkId { get; init; }
        public Guid ProviderId { get; init; }
        public List<Guid> ClientIds { get; init; } = [];
    }
}
