using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Events.Sinks;

public enum EventSinkKind
{
    /// <summary>HTTPS POST of a JSON batch, signed with HMAC-SHA256 under the sink's secret.</summary>
    Webhook = 0,
    /// <summary>RFC 5424 messages, octet-counted over TCP or TLS (RFC 6587 / 5425), or one per UDP datagram.</summary>
    Syslog = 1,
}

public enum SyslogTransport
{
    Tcp = 0,
    Tls = 1,
    Udp = 2,
}

/// <summary>
/// Where a provider's SIEM receives its audit roll-up as it happens: the provider's own events and those of its
/// clients. The webhook secret is protected at rest (Data Protection) and never returned.
/// </summary>
public sealed class EventSink : IRevisioned
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public EventSinkKind Kind { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>The webhook's URL, or the syslog collector as host:port.</summary>
    public required string Target { get; set; }
    public SyslogTransport Transport { get; set; }
    public string? Secret { get; set; }
    /// <summary>The last delivery failure, for the settings page (no payload, just what went wrong).</summary>
    public string? LastError { get; set; }
    public DateTime? LastDeliveryDate { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

/// <summary>
/// The outbox: one event owed to one sink. Written by the same save as the event (so nothing is sent for a change
/// that rolled back, and nothing kept is lost), deleted once delivered. <see cref="NextAttemptDate"/> doubles as the
/// claim: a worker moves it past its lease with a conditional update before sending.
/// </summary>
public sealed class EventDelivery
{
    public Guid Id { get; set; }
    public Guid SinkId { get; set; }
    public Guid EventId { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptDate { get; set; }
    public Guid? ClaimId { get; set; }
}

sealed class EventSinkConfiguration : IEntityTypeConfiguration<EventSink>, IEntityTypeConfiguration<EventDelivery>
{
    public void Configure(EntityTypeBuilder<EventSink> e)
    {
        e.ToTable("EventSinks");
        e.Property(x => x.Target).HasMaxLength(500);
        e.Property(x => x.Secret).HasMaxLength(2000);
        e.Property(x => x.LastError).HasMaxLength(500);
        e.HasIndex(x => x.ProviderId);
        e.HasOne<Providers.Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EventDelivery> e)
    {
        e.ToTable("EventDeliveries");
        e.HasIndex(x => new { x.NextAttemptDate, x.SinkId });
        e.HasIndex(x => x.ClaimId);
        e.HasOne<EventSink>().WithMany().HasForeignKey(x => x.SinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
