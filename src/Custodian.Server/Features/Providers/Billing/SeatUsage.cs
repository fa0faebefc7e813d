using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Providers.Billing;

/// <summary>
/// One client's seats on one day, as billing sees them. Keeps the provider and the client's name of that day, so a
/// month's report still bills a client unlinked, renamed or deleted since.
/// </summary>
public sealed class ClientSeatUsage
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ClientName { get; set; }
    /// <summary>The day (UTC midnight) the figures were taken.</summary>
    public DateTime Day { get; set; }
    /// <summary>Seats assigned by the provider; null for unlimited.</summary>
    public int? AssignedSeats { get; set; }
    /// <summary>Seats taken: every member but the revoked, as the client list counts them.</summary>
    public int OccupiedSeats { get; set; }
    public DateTime CreationDate { get; set; }
}

/// <summary>A day's recording: claimed by one instance at a time (conditional update), done once.</summary>
public sealed class SeatUsageRun
{
    public DateTime Day { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? CompletedDate { get; set; }
}

/// <summary>The client's id in the MSP's PSA tool, so its billing import matches clients without names.</summary>
public sealed class ClientBillingReference
{
    public Guid OrganizationId { get; set; }
    public Guid ProviderId { get; set; }
    public required string ExternalId { get; set; }
}

sealed class SeatUsageConfiguration : IEntityTypeConfiguration<ClientSeatUsage>, IEntityTypeConfiguration<SeatUsageRun>,
    IEntityTypeConfiguration<ClientBillingReference>
{
    public void Configure(EntityTypeBuilder<ClientSeatUsage> e)
    {
        e.ToTable("ClientSeatUsage");
        e.Property(x => x.ClientName).HasMaxLength(50);
        // Unique: a day is recorded once per client, whatever the instances do.
        e.HasIndex(x => new { x.OrganizationId, x.Day }).IsUnique();
        e.HasIndex(x => new { x.ProviderId, x.Day });
    }

    public void Configure(EntityTypeBuilder<SeatUsageRun> e)
    {
        e.ToTable("SeatUsageRuns");
        e.HasKey(x => x.Day);
    }

    public void Configure(EntityTypeBuilder<ClientBillingReference> e)
    {
        e.ToTable("ClientBillingReferences");
        e.HasKey(x => x.OrganizationId);
        e.Property(x => x.ExternalId).HasMaxLength(100);
        e.HasIndex(x => x.ProviderId);
    }
}
