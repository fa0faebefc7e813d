using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Accounts;

/// <summary>
/// Shared changes (org items, collections, provider clients) must make every affected user's clients resync. The
/// interceptor only knows single-owner rows, so these bump the users' account revision dates here, in the same
/// transaction as the change: clients never see the new date without the data, nor the data without the date.
/// </summary>
public static class AccountRevision
{
    /// <summary>
    /// Users picked by an id query from a small table (members, provider users). Filtering Users with a correlated
    /// EXISTS instead made SQLite test all 100,000 accounts inside every org write's transaction (bench/README.md).
    /// </summary>
    public static IQueryable<User> UsersWithIds(AppDbContext db, IQueryable<Guid> ids) => db.Users.Where(u => ids.Contains(u.Id));

    public static async Task SaveAndBumpAsync(AppDbContext db, IQueryable<User> affected, TimeProvider time, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        // Read and bumped before the save, while the links still exist when the change removes them.
        var users = await affected.Select(u => u.Id).ToListAsync(ct);
        await affected.ExecuteUpdateAsync(s => s.SetProperty(u => u.AccountRevisionDate, now), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.Pushes.Address(users);   // the same users are told live (Features/Notifications)
    }
}
