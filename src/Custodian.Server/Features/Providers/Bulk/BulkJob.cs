using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Providers.Bulk;

public enum BulkJobKind
{
    // The server runs these itself: they need no key.
    Policy = 0,
    Seats = 1,
    Enable = 2,
    // The browser drives these: each client needs its org key (reached through the provider key).
    Template = 10,
    AddCollection = 11,
    Export = 12,
}

public enum BulkItemStatus
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>
/// One bulk action over a provider's clients. Its items are the clients chosen when it was started, so a reload, a
/// second tab or a second server instance resumes where it stopped, and a retry re-runs only the failed ones.
/// <see cref="Parameters"/> is the validated request (for a collection, its name under the provider key).
/// </summary>
public sealed class ProviderBulkJob : IRevisioned
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public BulkJobKind Kind { get; set; }
    public required string Parameters { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public int Total { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }

    public static bool RunsOnServer(BulkJobKind kind) => kind is BulkJobKind.Policy or BulkJobKind.Seats or BulkJobKind.Enable;
}

/// <summary>
/// One client of a job. A worker claims items by a conditional update that stamps its own <see cref="ClaimToken"/>
/// (only Pending items, or Running ones whose claim went stale), and writes a result only while its token still
/// holds, so two workers never apply the same client twice at once.
/// </summary>
public sealed class ProviderBulkJobItem
{
    public Guid JobId { get; set; }
    public Guid OrganizationId { get; set; }
    public BulkItemStatus Status { get; set; }
    public string? Error { get; set; }
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

sealed class BulkJobConfiguration : IEntityTypeConfiguration<ProviderBulkJob>, IEntityTypeConfiguration<ProviderBulkJobItem>
{
    public void Configure(EntityTypeBuilder<ProviderBulkJob> job)
    {
        job.ToTable("ProviderBulkJobs");
        job.HasIndex(j => new { j.ProviderId, j.CreationDate });
        job.Property(j => j.Parameters).HasMaxLength(20_000);
        job.HasOne<Provider>().WithMany().HasForeignKey(j => j.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderBulkJobItem> item)
    {
        item.ToTable("ProviderBulkJobItems");
        item.HasKey(i => new { i.JobId, i.OrganizationId });
        item.HasIndex(i => new { i.JobId, i.Status });
        item.HasIndex(i => i.ClaimToken);
        item.Property(i => i.Error).HasMaxLength(500);
        item.HasOne<ProviderBulkJob>().WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
