using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Organizations;

/// <summary>A set of members given collection access together. Bitwarden keeps group names in plaintext.</summary>
public sealed class Group : IRevisioned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public string? ExternalId { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

public sealed class GroupUser
{
    public Guid GroupId { get; set; }
    public Guid OrganizationUserId { get; set; }
}

sealed class GroupConfiguration : IEntityTypeConfiguration<Group>, IEntityTypeConfiguration<GroupUser>
{
    public void Configure(EntityTypeBuilder<Group> group)
    {
        group.ToTable("Groups");
        group.HasIndex(g => g.OrganizationId);
        group.Property(g => g.Name).HasMaxLength(100);
        group.Property(g => g.ExternalId).HasMaxLength(300);
        group.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GroupUser> member)
    {
        member.ToTable("GroupUsers");
        member.HasKey(m => new { m.GroupId, m.OrganizationUserId });
        member.HasIndex(m => m.OrganizationUserId);
        member.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<OrganizationUser>().WithMany().HasForeignKey(m => m.OrganizationUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
