using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// Org-wide changes (collections, org items, settings) must make every member's clients resync. The interceptor
/// only knows single-owner rows, so org changes bump all linked members' account revision dates here.
/// </summary>
public static class OrganizationRevision
{
    public static Task BumpMembersAsync(AppDbContext db, Guid organizationId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Users
            .Where(u => db.OrganizationUsers.Any(m => m.OrganizationId == organizationId && m.UserId == u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccountRevisionDate, now), ct);
    }
}
