using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>
/// Bulk jobs over a provider's clients. Every provider user sees them and their results; starting, running and
/// retrying one changes many clients at once, which stays with provider admins.
/// </summary>
public static class BulkJobEndpoints
{
    const int PageSize = 100;

    public static RouteGroupBuilder MapBulkJobEndpoints(this RouteGroupBuilder provider)
    {
        provider.MapGet("/bulk-jobs", List);
        provider.MapPost("/bulk-jobs", (Guid providerId, BulkJobRequest request, ProviderCallers callers, BulkJobService jobs, CancellationToken ct) =>
            jobs.StartAsync(callers.Current, request, ct)).AdminOnly();
        provider.MapGet("/bulk-jobs/{jobId:guid}", async (Guid providerId, Guid jobId, BulkJobService jobs, CancellationToken ct) =>
            await jobs.ProgressAsync(await jobs.LoadAsync(providerId, jobId, ct), ct));
        provider.MapGet("/bulk-jobs/{jobId:guid}/items", Items);
        provider.MapPost("/bulk-jobs/{jobId:guid}/run", async (Guid providerId, Guid jobId, BulkClaimRequest request, BulkJobService jobs, CancellationToken ct) =>
            await jobs.RunBatchAsync(await jobs.LoadAsync(providerId, jobId, ct), request.Count, ct)).AdminOnly();
        provider.MapPost("/bulk-jobs/{jobId:guid}/claim", Claim).AdminOnly();
        provider.MapPost("/bulk-jobs/{jobId:guid}/results", async (Guid providerId, Guid jobId, BulkResultsRequest request, BulkJobService jobs,
            CancellationToken ct) =>
        {
            var job = await jobs.LoadAsync(providerId, jobId, ct);
            await jobs.RecordAsync(job.Id, request.ClaimToken, request.Results, ct);
            return await jobs.ProgressAsync(job, ct);
        }).AdminOnly();
        provider.MapPost("/bulk-jobs/{jobId:guid}/retry", async (Guid providerId, Guid jobId, BulkJobService jobs, CancellationToken ct) =>
        {
            var job = await jobs.LoadAsync(providerId, jobId, ct);
            await jobs.RetryFailedAsync(job.Id, ct);
            return await jobs.ProgressAsync(job, ct);
        }).AdminOnly();
        return provider;
    }

    /// <summary>Newest first, a page at a time (<c>before</c> is the last id of the previous page).</summary>
    static async Task<ListResponse<BulkJobResponse>> List(Guid providerId, Guid? before, AppDbContext db, BulkJobService jobs, CancellationToken ct)
    {
        var rows = await db.ProviderBulkJobs.AsNoTracking().Where(j => j.ProviderId == providerId && (before == null || j.Id.CompareTo(before.Value) < 0))
            .OrderByDescending(j => j.Id).Take(20 + 1).ToListAsync(ct);
        var data = new List<BulkJobResponse>();
        foreach (var job in rows.Take(20))
        {
            data.Add(await jobs.ProgressAsync(job, ct));
        }
        return new(data, rows.Count > 20 ? rows[19].Id.ToString() : null);
    }

    /// <summary>Per-client results, optionally of one status, in pages keyed by organization id.</summary>
    static async Task<ListResponse<BulkItemResponse>> Items(Guid providerId, Guid jobId, BulkItemStatus? status, string? continuationToken, AppDbContext db,
        BulkJobService jobs, CancellationToken ct)
    {
        var job = await jobs.LoadAsync(providerId, jobId, ct);
        Guid? after = null;
        if (!string.IsNullOrEmpty(continuationToken))
        {
            after = Guid.TryParse(continuationToken, out var g) ? g : throw BadRequestException.ForField("continuationToken", "The continuation token is not valid for this list.");
        }
        var rows = await (from i in db.ProviderBulkJobItems
                          where i.JobId == job.Id && (status == null || i.Status == status) && (after == null || i.OrganizationId.CompareTo(after.Value) > 0)
                          join o in db.Organizations on i.OrganizationId equals o.Id
                          orderby i.OrganizationId
                          select new BulkItemResponse(i.OrganizationId, o.Name, i.Status, i.Error, i.CompletedAt)).Take(PageSize + 1).ToListAsync(ct);
        return new([.. rows.Take(PageSize)], rows.Count > PageSize ? rows[PageSize - 1].OrganizationId.ToString() : null);
    }

    static async Task<BulkClaimResponse> Claim(Guid providerId, Guid jobId, BulkClaimRequest request, AppDbContext db, BulkJobService jobs, CancellationToken ct)
    {
        var job = await jobs.LoadAsync(providerId, jobId, ct);
        if (ProviderBulkJob.RunsOnServer(job.Kind))
        {
            throw new BadRequestException("The server runs this job: call run.");
        }
        var (token, ids) = await jobs.ClaimAsync(job.Id, request.Count, ct);
        var clients = await (from l in db.ProviderOrganizations
                             where l.ProviderId == providerId && ids.Contains(l.OrganizationId)
                             join o in db.Organizations on l.OrganizationId equals o.Id
                             orderby o.Id
                             select new BulkClaimedClient(o.Id, o.Name, l.Key)).ToListAsync(ct);
        // A client unlinked since the job started has no key to hand out: it fails here rather than waiting forever.
        var gone = ids.Except(clients.Select(c => c.OrganizationId)).Select(id => new BulkItemResult(id, "Client not found.")).ToList();
        if (gone.Count > 0)
        {
            await jobs.RecordAsync(job.Id, token, gone, ct);
        }
        return new(token, clients, await jobs.ProgressAsync(job, ct));
    }
}
