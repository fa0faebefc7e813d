using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Events;

/// <summary>
/// One audit record. Rows hold ids only (never names or secrets) and are not foreign-keyed: the log must outlive
/// the members, items and collections it mentions.
/// </summary>
public sealed class Event
{
    public Guid Id { get; set; }
    public EventType Type { get; set; }
    public DateTime Date { get; set; }
    public Guid? UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? ProviderId { get; set; }
    public Guid? CipherId { get; set; }
    public Guid? CollectionId { get; set; }
    public Guid? GroupId { get; set; }
    public Guid? PolicyId { get; set; }
    public Guid? OrganizationUserId { get; set; }
    public Guid? ProviderUserId { get; set; }
    public Guid? ProviderOrganizationId { get; set; }
    /// <summary>Who did it; for org events made through a provider, together with <see cref="ProviderId"/>.</summary>
    public Guid? ActingUserId { get; set; }
    /// <summary>A technician's stated reason for access to a client (provider access events only).</summary>
    public string? Reason { get; set; }
    public int? DeviceType { get; set; }
    public string? IpAddress { get; set; }
}

sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.ToTable("Events");
        e.Property(x => x.IpAddress).HasMaxLength(50);
        e.Property(x => x.Reason).HasMaxLength(500);
        // The query shapes: an org's log, a provider's log, one user's or item's history within an org.
        e.HasIndex(x => new { x.OrganizationId, x.Date });
        e.HasIndex(x => new { x.ProviderId, x.Date });
        e.HasIndex(x => new { x.CipherId, x.Date });
        e.HasIndex(x => new { x.OrganizationUserId, x.Date });
        // A user's own account log (GET /events): what concerns the account, and what the user did.
        e.HasIndex(x => new { x.UserId, x.Date });
        e.HasIndex(x => new { x.ActingUserId, x.Date });
    }
}
