using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Providers;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Custodian.Server.Infrastructure.Data;

/// <summary>An entity whose <c>RevisionDate</c> the save stamps.</summary>
public interface IRevisioned
{
    DateTime RevisionDate { get; set; }
}

/// <summary>An entity whose changes a user's clients must notice (they poll <c>/api/accounts/revision-date</c>).</summary>
public interface IAccountRevisionSource
{
    /// <summary>The user whose account revision date moves when this row changes; null when none.</summary>
    Guid? RevisionUserId { get; }
}

/// <summary>
/// Stamps revision dates and bumps the owning accounts' revision date inside the same SaveChanges, so a client
/// can never see the new revision date before the data it announces has committed.
/// </summary>
public sealed class RevisionInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    // The interceptor is a singleton; stubs are remembered per context instance.
    readonly ConditionalWeakTable<DbContext, List<EntityEntry>> _stubs = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db && Stamp(db) is { } entries)
        {
            var (providers, orgs) = ClientsRevision.Changes(entries);
            if (orgs.Count > 0)
            {
                providers.UnionWith(ClientsRevision.ProvidersOf(db, orgs).ToList());
            }
            ClientsRevision.Move(db, providers, _stubs.GetOrCreateValue(db).Add);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && Stamp(db) is { } entries)
        {
            var (providers, orgs) = ClientsRevision.Changes(entries);
            if (orgs.Count > 0)
            {
                providers.UnionWith(await ClientsRevision.ProvidersOf(db, orgs).ToListAsync(cancellationToken));
            }
            ClientsRevision.Move(db, providers, _stubs.GetOrCreateValue(db).Add);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        (eventData.Context as AppDbContext)?.Pushes.Commit();
        DetachStubs(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.Pushes.Commit();
        DetachStubs(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        (eventData.Context as AppDbContext)?.Pushes.Discard();
        DetachStubs(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.Pushes.Discard();
        DetachStubs(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whole milliseconds (what clients keep and send back as <c>lastKnownRevisionDate</c>), and always later than
    /// the row's previous revision, so two writes never share one and a stale-write check can compare exactly.
    /// </summary>
    static DateTime NextRevision(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, DateTime now)
    {
        var next = ToMilliseconds(now);
        if (entry.State == EntityState.Modified && entry.OriginalValues[nameof(IRevisioned.RevisionDate)] is DateTime previous
            && ToMilliseconds(previous) >= next)
        {
            next = ToMilliseconds(previous).AddMilliseconds(1);
        }
        return next;
    }

    public static DateTime ToMilliseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <returns>The entries the save writes (before the account stubs).</returns>
    List<EntityEntry> Stamp(DbContext db)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var users = new HashSet<Guid>();
        var entries = db.ChangeTracker.Entries().ToList();
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity is IRevisioned revisioned)
            {
                revisioned.RevisionDate = NextRevision(entry, now);
            }
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is IAccountRevisionSource { RevisionUserId: { } userId })
            {
                users.Add(userId);
            }
        }
        (db as AppDbContext)?.Pushes.Stage(entries);
        foreach (var userId in users)
        {
            BumpAccountRevision(db, userId, now);
        }
        return entries;
    }

    void BumpAccountRevision(DbContext db, Guid userId, DateTime now)
    {
        var tracked = db.ChangeTracker.Entries<User>().FirstOrDefault(e => e.Entity.Id == userId);
        if (tracked is not null)
        {
            if (tracked.State != EntityState.Deleted)
            {
                tracked.Entity.AccountRevisionDate = now;
            }
            return;
        }
        // Attach a key-only stub and mark just this column, so the save issues one narrow UPDATE.
        var stub = db.Attach(new User { Id = userId, Email = "", SecurityStamp = "" });
        stub.Property(u => u.AccountRevisionDate).CurrentValue = now;
        stub.Property(u => u.AccountRevisionDate).IsModified = true;
        _stubs.GetOrCreateValue(db).Add(stub);
    }

    void DetachStubs(DbContext? db)
    {
        if (db is null || !_stubs.TryGetValue(db, out var stubs))
        {
            return;
        }
        foreach (var stub in stubs)
        {
            stub.State = EntityState.Detached;
        }
        _stubs.Remove(db);
    }
}
