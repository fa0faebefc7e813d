using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Sends;

/// <summary>
/// Deletes Sends past their deletion date, files included, once a minute (Bitwarden's DeleteSendsJob). Every
/// instance may run it: the rows go by one DELETE on ids, so two instances deleting the same Send both succeed.
/// </summary>
public sealed class SendDeletionJob(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SendDeletionJob> logger)
    : PeriodicJob(time, lifetime, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    const int Batch = 500;

    protected override TimeSpan Period => Interval;

    protected override Task RunOnceAsync(CancellationToken ct) => DeleteExpiredAsync(ct);

    /// <summary>Deletes every Send whose deletion date has passed; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = Time.GetUtcNow().UtcDateTime;
            var due = await db.Sends.Where(s => s.DeletionDate <= now).OrderBy(s => s.DeletionDate).Take(Batch)
                .Select(s => new { s.Id, s.UserId }).ToListAsync(ct);
            if (due.Count == 0)
            {
                return total;
            }
            var (ids, owners) = (due.ConvertAll(s => s.Id), due.Select(s => s.UserId).Distinct().ToList());
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await db.Sends.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct);
                await db.Users.Where(u => owners.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccountRevisionDate, now), ct);
                await transaction.CommitAsync(ct);
            }
            var files = scope.ServiceProvider.GetRequiredService<SendFileStore>();
            ids.ForEach(files.DeleteOwnerFiles);
            total += due.Count;
        }
    }
}
