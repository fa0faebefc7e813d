using System.Text.Json;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>
/// Bulk jobs: started from a selection, worked through in small claimed batches (by the server for the kinds that
/// need no key, by the browser for the others), with per-client results. A batch is a request, so a closed tab only
/// pauses a job; a claim older than <see cref="Lease"/> is taken over by the next worker.
/// </summary>
public sealed class BulkJobService(AppDbContext db, BulkJobRunner runner, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<BulkJobResponse> StartAsync(ProviderCaller caller, BulkJobRequest request, CancellationToken ct)
    {
        var parameters = await ValidatedAsync(caller.Provider.Id, request.Kind, request.Parameters, ct);
        var ids = await ClientSelection.Select(db, caller.Provider.Id, request.Selection).Select(o => o.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            throw BadRequestException.ForField("Selection", "No client matches the selection.");
        }
        var job = new ProviderBulkJob
        {
            Id = Guid.CreateVersion7(), ProviderId = caller.Provider.Id, Kind = request.Kind, CreatedByUserId = caller.User.UserId, Total = ids.Count,
            Parameters = JsonSerializer.Serialize(parameters, JsonDefaults.Options),
        };
        db.ProviderBulkJobs.Add(job);
        db.ProviderBulkJobItems.AddRange(ids.Select(id => new ProviderBulkJobItem { JobId = job.Id, OrganizationId = id }));
        await db.SaveChangesAsync(ct);
        return await ProgressAsync(job, ct);
    }

    async Task<BulkJobParameters> ValidatedAsync(Guid providerId, BulkJobKind kind, BulkJobParameters p, CancellationToken ct) => kind switch
    {
        BulkJobKind.Policy when p.Policy is { } policy && Enum.IsDefined(policy.Type) =>
            new(Policy: policy with { Data = PolicyRules.ValidatedData(policy.Type, policy.Data) is { } d ? JsonSerializer.Deserialize<JsonElement>(d) : null }),
        BulkJobKind.Seats when p.Seats is { } seats => new(Seats: seats),
        BulkJobKind.Enable when p.Enabled is { } enabled => new(Enabled: enabled),
        BulkJobKind.Template when p.TemplateId is { } id && await db.ProviderClientTemplates.AnyAsync(t => t.Id == id && t.ProviderId == providerId, ct) =>
            new(TemplateId: id),
        BulkJobKind.AddCollection when p.CollectionName is { } name => new(CollectionName: name),
        BulkJobKind.Export => new(),
        _ => throw BadRequestException.ForField("Parameters", $"The parameters do not fit a {kind} job."),
    };

    public async Task<ProviderBulkJob> LoadAsync(Guid providerId, Guid jobId, CancellationToken ct) =>
        await db.ProviderBulkJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.ProviderId == providerId, ct) ?? throw new NotFoundException();

    public async Task<BulkJobResponse> ProgressAsync(ProviderBulkJob job, CancellationToken ct)
    {
        var counts = await db.ProviderBulkJobItems.Where(i => i.JobId == job.Id).GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(BulkItemStatus s) => counts.GetValueOrDefault(s);
        return new(job.Id, job.Kind, JsonSerializer.Deserialize<BulkJobParameters>(job.Parameters, JsonDefaults.Options)!, job.Total,
            Of(BulkItemStatus.Pending), Of(BulkItemStatus.Running), Of(BulkItemStatus.Succeeded), Of(BulkItemStatus.Failed),
            ProviderBulkJob.RunsOnServer(job.Kind), job.CreatedByUserId, job.CreationDate);
    }

    /// <summary>
    /// Up to <paramref name="count"/> clients for this worker alone: the conditional update only takes items still
    /// Pending (or with a stale claim) when it runs, and marks them with a fresh token that is read back.
    /// </summary>
    public async Task<(Guid Token, List<Guid> OrganizationIds)> ClaimAsync(Guid jobId, int count, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - Lease;
        var token = Guid.NewGuid();
        var candidates = await db.ProviderBulkJobItems
            .Where(i => i.JobId == jobId && (i.Status == BulkItemStatus.Pending || (i.Status == BulkItemStatus.Running && i.ClaimedAt < stale)))
            .OrderBy(i => i.OrganizationId).Select(i => i.OrganizationId).Take(count).ToListAsync(ct);
        await db.ProviderBulkJobItems
            .Where(i => i.JobId == jobId && candidates.Contains(i.OrganizationId)
                && (i.Status == BulkItemStatus.Pending || (i.Status == BulkItemStatus.Running && i.ClaimedAt < stale)))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, BulkItemStatus.Running).SetProperty(i => i.ClaimToken, token)
                .SetProperty(i => i.ClaimedAt, now), ct);
        var claimed = await db.ProviderBulkJobItems.Where(i => i.JobId == jobId && i.ClaimToken == token).Select(i => i.OrganizationId).ToListAsync(ct);
        return (token, claimed);
    }

    /// <summary>Records results for items this claim still holds; others (a stale claim since taken over) are left alone.</summary>
    public async Task RecordAsync(Guid jobId, Guid token, IEnumerable<BulkItemResult> results, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var r in results.DistinctBy(r => r.OrganizationId))
        {
            var error = string.IsNullOrEmpty(r.Error) ? null : r.Error;
            await db.ProviderBulkJobItems.Where(i => i.JobId == jobId && i.OrganizationId == r.OrganizationId && i.ClaimToken == token
                    && i.Status == BulkItemStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, error is null ? BulkItemStatus.Succeeded : BulkItemStatus.Failed)
                    .SetProperty(i => i.Error, error).SetProperty(i => i.CompletedAt, now), ct);
        }
    }

    /// <summary>One server-side batch: claim, apply each client on its own (one failing does not stop the others), record.</summary>
    public async Task<BulkJobResponse> RunBatchAsync(ProviderBulkJob job, int count, CancellationToken ct)
    {
        if (!ProviderBulkJob.RunsOnServer(job.Kind))
        {
            throw new BadRequestException("This job needs keys: the browser runs it.");
        }
        var (token, ids) = await ClaimAsync(job.Id, count, ct);
        var parameters = JsonSerializer.Deserialize<BulkJobParameters>(job.Parameters, JsonDefaults.Options)!;
        var results = new List<BulkItemResult>();
        foreach (var id in ids)
        {
            results.Add(new(id, await runner.ApplyAsync(job.ProviderId, job.Kind, parameters, id, ct)));
        }
        await RecordAsync(job.Id, token, results, ct);
        return await ProgressAsync(job, ct);
    }

    public async Task RetryFailedAsync(Guid jobId, CancellationToken ct) =>
        await db.ProviderBulkJobItems.Where(i => i.JobId == jobId && i.Status == BulkItemStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, BulkItemStatus.Pending).SetProperty(i => i.Error, (string?)null)
                .SetProperty(i => i.ClaimToken, (Guid?)null).SetProperty(i => i.CompletedAt, (DateTime?)null), ct);
}
