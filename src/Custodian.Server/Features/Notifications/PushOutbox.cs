using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.AuthRequests;
using Custodian.Server.Features.Sends;
using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Custodian.Server.Features.Notifications;

/// <summary>One live-sync message and who gets it; <see cref="Recipients"/> is null for an org change until
/// <see cref="AccountRevision"/> names the users it bumps.</summary>
public sealed record PendingPush(PushType Type, Func<Guid, object> Payload, IReadOnlyCollection<Guid>? Recipients);

/// <summary>
/// The live-sync messages of one unit of work (one <see cref="AppDbContext"/>). They are read off the same change
/// set that moves revision dates (<see cref="RevisionInterceptor"/>), so whoever must resync is told, and told only
/// once the save has committed: personal rows name their owner; org rows take the users that
/// <see cref="AccountRevision.SaveAndBumpAsync"/> bumps, the one place that knows who carries an org's items.
/// </summary>
public sealed class PushOutbox
{
    readonly List<PendingPush> _staged = [];
    readonly List<PendingPush> _committed = [];

    public void Stage(IEnumerable<EntityEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var (added, deleted) = (entry.State == EntityState.Added, entry.State == EntityState.Deleted);
            PendingPush? push = entry.Entity switch
            {
                Cipher c => new(added ? PushType.SyncCipherCreate : deleted ? PushType.SyncCipherDelete : PushType.SyncCipherUpdate,
                    _ => new SyncCipherPayload(c.Id, c.UserId, c.OrganizationId, null, c.RevisionDate), c.UserId is { } owner ? [owner] : null),
                Folder f => new(added ? PushType.SyncFolderCreate : deleted ? PushType.SyncFolderDelete : PushType.SyncFolderUpdate,
                    _ => new SyncItemPayload(f.Id, f.UserId, f.RevisionDate), [f.UserId]),
                Send s => new(added ? PushType.SyncSendCreate : deleted ? PushType.SyncSendDelete : PushType.SyncSendUpdate,
                    _ => new SyncItemPayload(s.Id, s.UserId, s.RevisionDate), [s.UserId]),
                User u when !added && !deleted && entry.Property(nameof(User.SecurityStamp)).IsModified =>
                    new(PushType.LogOut, id => new UserPayload(id, DateTime.UtcNow), [u.Id]),
                User => null,   // the account revision stub, or profile changes the next sync brings
                // A new request tells the user's logged-in devices; an approval tells the requesting device. A denial
                // is not sent, so whoever asked learns nothing from it (as Bitwarden does).
                AuthRequest a when added => new(PushType.AuthRequest, _ => new AuthRequestPayload(a.UserId, a.Id), [a.UserId]),
                AuthRequest a when !deleted && a.Approved == true && entry.Property(nameof(AuthRequest.Approved)).IsModified =>
                    new(PushType.AuthRequestResponse, _ => new AuthRequestPayload(a.UserId, a.Id), [a.UserId]),
                AuthRequest => null,
                IAccountRevisionSource { RevisionUserId: { } userId } => new(PushType.SyncVault, id => new UserPayload(id, DateTime.UtcNow), [userId]),
                _ => new(PushType.SyncVault, id => new UserPayload(id, DateTime.UtcNow), null),
            };
            if (push is not null)
            {
                _staged.Add(push);
            }
        }
    }

    public void Commit()
    {
        _committed.AddRange(_staged);
        _staged.Clear();
    }

    public void Discard() => _staged.Clear();

    /// <summary>Forgets everything: a pooled context starts each unit of work with an empty outbox.</summary>
    public void Clear()
    {
        _staged.Clear();
        _committed.Clear();
    }

    /// <summary>Org changes of this unit go to <paramref name="users"/>: item messages if items changed, else one full sync.</summary>
    public void Address(IReadOnlyCollection<Guid> users)
    {
        var shared = _committed.Where(p => p.Recipients is null).ToList();
        _committed.RemoveAll(p => p.Recipients is null);
        var items = shared.Where(p => p.Type != PushType.SyncVault).ToList();
        _committed.AddRange(items.Count > 0
            ? items.Select(p => p with { Recipients = users })
            : shared.Take(1).Select(p => p with { Recipients = users }));
    }

    /// <summary>Everything addressed, once; org changes nobody addressed are dropped (no one carries them).</summary>
    public List<PendingPush> Drain()
    {
        var ready = _committed.Where(p => p.Recipients is { Count: > 0 }).ToList();
        _committed.Clear();
        return ready;
    }
}
