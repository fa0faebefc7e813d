using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// Org-wide changes (collections, org items, settings) must make every member's clients resync. The interceptor
/// only knows single-owner rows, so org changes bump all linked members' account revision dates here, in the same
/// transaction as the change: clients never see the new date without the data, nor the data without the date.
/// </summary>
public static class OrganizationRevision
{
    public static Task SaveAndBumpMembersAsync(AppDbContext db, Guid organizationId, TimeProvider time, CancellationToken ct) =>
        SaveAndBumpMembersAsync(db, [organizationId], time, ct);

    public static async Task SaveAndBumpMembersAsync(AppDbContext db, IReadOnlyCollection<Guid> organizationIds, TimeProvider time, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        // Bumped before the save, while the members still exist when the change removes the org.
        await db.Users
            .Where(u => db.OrganizationUsers.Any(m => organizationIds.Contains(m.OrganizationId) && m.UserId == u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccountRevisionDate, now), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
