using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Accounts;

/// <summary>A client installation that logged in (the token request's deviceIdentifier).</summary>
public sealed class Device : IRevisioned
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The client's own installation GUID (string as sent).</summary>
    public required string Identifier { get; set; }
    /// <summary>Bitwarden's DeviceType enum (25 = Linux CLI, 9 = Chrome browser, …).</summary>
    public int Type { get; set; }
    public required string Name { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
    public DateTime? LastActivityDate { get; set; }
}

sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> device)
    {
        device.ToTable("Devices");
        device.HasIndex(d => new { d.UserId, d.Identifier }).IsUnique();
        device.Property(d => d.Identifier).HasMaxLength(50);
        device.Property(d => d.Name).HasMaxLength(50);
        device.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
