using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.EmergencyAccess;

/// <summary>Bitwarden's <c>EmergencyAccessType</c>.</summary>
public enum EmergencyAccessType : byte
{
    View = 0,
    Takeover = 1,
}

/// <summary>Bitwarden's <c>EmergencyAccessStatusType</c>: the steps one row goes through.</summary>
public enum EmergencyAccessStatus : byte
{
    Invited = 0,
    Accepted = 1,
    Confirmed = 2,
    RecoveryInitiated = 3,
    RecoveryApproved = 4,
}

/// <summary>
/// One trusted emergency contact of a grantor (Bitwarden's <c>EmergencyAccess</c> row). Until the grantee accepts,
/// only <see cref="Email"/> names them; once confirmed, <see cref="KeyEncrypted"/> holds the grantor's user key
/// RSA-wrapped to the grantee's public key, which the server cannot open.
/// </summary>
public sealed class EmergencyContact : IRevisioned
{
    public Guid Id { get; set; }
    public Guid GrantorId { get; set; }
    public Guid? GranteeId { get; set; }
    /// <summary>The invited address, lower-cased; cleared once the grantee accepts.</summary>
    public string? Email { get; set; }
    public string? KeyEncrypted { get; set; }
    public EmergencyAccessType Type { get; set; }
    public EmergencyAccessStatus Status { get; set; }
    public short WaitTimeDays { get; set; }
    public DateTime? RecoveryInitiatedDate { get; set; }
    public DateTime? LastNotificationDate { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

sealed class EmergencyContactConfiguration : IEntityTypeConfiguration<EmergencyContact>
{
    public void Configure(EntityTypeBuilder<EmergencyContact> row)
    {
        row.ToTable("EmergencyAccess");
        row.Property(e => e.Email).HasMaxLength(256);
        row.Property(e => e.KeyEncrypted).HasMaxLength(2000);
        row.HasIndex(e => e.GrantorId);
        row.HasIndex(e => e.GranteeId);
        // The timeout job looks for started recoveries only.
        row.HasIndex(e => new { e.Status, e.RecoveryInitiatedDate });
        row.HasOne<User>().WithMany().HasForeignKey(e => e.GrantorId).OnDelete(DeleteBehavior.Cascade);
        row.HasOne<User>().WithMany().HasForeignKey(e => e.GranteeId).OnDelete(DeleteBehavior.Cascade);
    }
}
