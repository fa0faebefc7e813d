using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Organizations;

public enum OrganizationUserType
{
    Owner = 0,
    Admin = 1,
    User = 2,
    Custom = 4,
}

public enum OrganizationUserStatus
{
    Revoked = -1,
    Invited = 0,
    Accepted = 1,
    Confirmed = 2,
}

/// <summary>
/// A membership. Invited rows have only an email; accepting links the user; confirming stores the org key wrapped
/// to the member's public key. A revoked member keeps the row (and its key) but loses all access.
/// </summary>
public sealed class OrganizationUser : IRevisioned, IAccountRevisionSource
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>The invited address; cleared once the invitation is accepted (the user's email is then authoritative).</summary>
    public string? Email { get; set; }
    /// <summary>The org key as EncString type 4 to the member's public key; set on confirm.</summary>
    public string? Key { get; set; }
    public OrganizationUserStatus Status { get; set; }
    public OrganizationUserType Type { get; set; }
    /// <summary>JSON of <see cref="MemberPermissions"/>; meaningful for Custom members.</summary>
    public string? Permissions { get; set; }
    public string? ExternalId { get; set; }
    /// <summary>The status before revocation, restored by "restore".</summary>
    public OrganizationUserStatus? StatusBeforeRevoke { get; set; }
    public bool AccessSecretsManager { get; set; }
    public string? ResetPasswordKey { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }

    Guid? IAccountRevisionSource.RevisionUserId => UserId;
}

sealed class OrganizationUserConfiguration : IEntityTypeConfiguration<OrganizationUser>
{
    public void Configure(EntityTypeBuilder<OrganizationUser> member)
    {
        member.ToTable("OrganizationUsers");
        member.HasIndex(m => new { m.OrganizationId, m.Status });
        member.HasIndex(m => new { m.UserId, m.OrganizationId }).IsUnique();
        member.HasIndex(m => m.Email);
        member.Property(m => m.Email).HasMaxLength(256);
        member.Property(m => m.Key).HasMaxLength(1000);
        member.Property(m => m.Permissions).HasMaxLength(2000);
        member.Property(m => m.ExternalId).HasMaxLength(300);
        member.Property(m => m.ResetPasswordKey).HasMaxLength(1000);
        member.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
