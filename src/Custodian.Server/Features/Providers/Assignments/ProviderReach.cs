using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// The caller's item reach through providers, resolved once per request: the set of client org ids whose items they
/// carry (assigned, through a team, or under a live grant). Every item path (<c>VaultAccess</c>, and through it sync,
/// item routes, attachments, exports) asks this set, so assignment and grant checks are set membership on org ids,
/// never a query per item. Administration without items does not come here (<see cref="ProviderAccess.ClientOrgIds"/>).
/// </summary>
public sealed class ProviderReach(AppDbContext db, CurrentUser caller, Accounts.CallerAccount account, TimeProvider time, IServiceScopeFactory scopes)
{
    HashSet<Guid>? _carried;
    List<Guid>? _unusedGrants;
    bool _changed;

    /// <summary>
    /// False when the caller was no confirmed provider user at the start of the request (the token check read it)
    /// and nothing changed since: then no provider can give them anything, and no query needs to ask.
    /// </summary>
    public bool MayActForProvider => _changed || account.User is null || account.InProvider;

    public async Task<IReadOnlySet<Guid>> CarriedOrgIdsAsync(CancellationToken ct)
    {
        if (_carried is null && !MayActForProvider)
        {
            (_carried, _unusedGrants) = ([], []);
        }
        if (_carried is null)
        {
            var rows = await ProviderAccess.CarriedOrgIds(db, caller.Id, time.GetUtcNow().UtcDateTime).ToListAsync(ct);
            _carried = [.. rows.Select(r => r.OrganizationId)];
            _unusedGrants = [.. rows.Select(r => r.UnusedGrantId).OfType<Guid>()];
        }
        return _carried;
    }

    /// <summary>Drops what was loaded, after this request changed assignments or grants.</summary>
    public void Forget()
    {
        _changed = true;
        _carried = null;
        _unusedGrants = null;
    }

    /// <summary>
    /// Called where items are about to be served: records the first use of each grant never used before, once,
    /// whichever instance serves first (a conditional UPDATE claims it). Its own unit of work, so nothing the
    /// request has staged is saved with it.
    /// </summary>
    public async Task RecordFirstUseAsync(CancellationToken ct)
    {
        await CarriedOrgIdsAsync(ct);
        if (_unusedGrants is not { Count: > 0 } unused)
        {
            return;
        }
        _unusedGrants = [];
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLog>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var id in unused)
        {
            var claimed = await own.ProviderAccessGrants.Where(g => g.Id == id && g.FirstUsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.FirstUsedAt, now), ct);
            if (claimed == 1)
            {
                var grant = await own.ProviderAccessGrants.AsNoTracking().SingleAsync(g => g.Id == id, ct);
                AccessEvents.Add(events, EventType.ProviderAccess_FirstUsed, grant.ProviderId, grant.ProviderUserId, caller.Id, grant.OrganizationId, grant.Reason);
            }
        }
        await own.SaveChangesAsync(ct);
    }
}
