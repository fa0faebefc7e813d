using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// A technician carries a client's items: the link row, so unlinking the client or removing the technician ends it
/// (cascade) without code that could be forgotten.
/// </summary>
public sealed class ProviderAssignment
{
    public Guid Id { get; set; }
    public Guid ProviderUserId { get; set; }
    public Guid ProviderOrganizationId { get; set; }
    public DateTime CreationDate { get; set; }
}

/// <summary>A named set of technicians assigned to clients together.</summary>
public sealed class ProviderTeam : IRevisioned
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public required string Name { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

public sealed class ProviderTeamUser
{
    public Guid TeamId { get; set; }
    public Guid ProviderUserId { get; set; }
}

public sealed class ProviderTeamClient
{
    public Guid TeamId { get; set; }
    public Guid ProviderOrganizationId { get; set; }
}

public enum AccessGrantStatus
{
    Requested = 0,
    Approved = 1,
    Denied = 2,
    Revoked = 3,
    Expired = 4,
}

/// <summary>
/// Time-boxed access of a technician to a client they are not assigned to. Live while <see cref="Status"/> is
/// Approved and <see cref="ExpiresAt"/> is ahead; reach checks that on every request, so expiry needs no job to
/// take effect (<see cref="GrantExpiry"/> only records it and makes the technician resync).
/// </summary>
public sealed class ProviderAccessGrant : IRevisioned
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public Guid ProviderUserId { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary>The technician's own words, shown to the provider and the client; never vault data.</summary>
    public required string Reason { get; set; }
    public int DurationMinutes { get; set; }
    public AccessGrantStatus Status { get; set; }
    /// <summary>Approvals still missing: the provider's admins, the client's owners or admins.</summary>
    public bool AwaitsProvider { get; set; }
    public bool AwaitsClient { get; set; }
    /// <summary>The user who approved, denied or revoked last.</summary>
    public Guid? DecidedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? FirstUsedAt { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

/// <summary>A provider's rule for access requests to one client, overriding its default.</summary>
public sealed class ProviderClientSetting
{
    public Guid ProviderOrganizationId { get; set; }
    public bool RequestsNeedApproval { get; set; }
}

sealed class ClientAccessConfiguration :
    IEntityTypeConfiguration<ProviderAssignment>, IEntityTypeConfiguration<ProviderTeam>, IEntityTypeConfiguration<ProviderTeamUser>,
    IEntityTypeConfiguration<ProviderTeamClient>, IEntityTypeConfiguration<ProviderAccessGrant>, IEntityTypeConfiguration<ProviderClientSetting>
{
    public void Configure(EntityTypeBuilder<ProviderAssignment> a)
    {
        a.ToTable("ProviderAssignments");
        a.HasIndex(x => new { x.ProviderUserId, x.ProviderOrganizationId }).IsUnique();
        a.HasIndex(x => x.ProviderOrganizationId);
        a.HasOne<ProviderUser>().WithMany().HasForeignKey(x => x.ProviderUserId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<ProviderOrganization>().WithMany().HasForeignKey(x => x.ProviderOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderTeam> t)
    {
        t.ToTable("ProviderTeams");
        t.Property(x => x.Name).HasMaxLength(100);
        t.HasIndex(x => x.ProviderId);
        t.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderTeamUser> t)
    {
        t.ToTable("ProviderTeamUsers");
        t.HasKey(x => new { x.TeamId, x.ProviderUserId });
        t.HasIndex(x => x.ProviderUserId);
        t.HasOne<ProviderTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne<ProviderUser>().WithMany().HasForeignKey(x => x.ProviderUserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderTeamClient> t)
    {
        t.ToTable("ProviderTeamClients");
        t.HasKey(x => new { x.TeamId, x.ProviderOrganizationId });
        t.HasIndex(x => x.ProviderOrganizationId);
        t.HasOne<ProviderTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        t.HasOne<ProviderOrganization>().WithMany().HasForeignKey(x => x.ProviderOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderAccessGrant> g)
    {
        g.ToTable("ProviderAccessGrants");
        g.Property(x => x.Reason).HasMaxLength(500);
        g.HasIndex(x => new { x.ProviderUserId, x.Status });
        g.HasIndex(x => new { x.OrganizationId, x.CreationDate });
        g.HasIndex(x => new { x.ProviderId, x.Status });
        // The expiry job's question: approved grants whose time is up.
        g.HasIndex(x => new { x.Status, x.ExpiresAt });
        g.HasOne<ProviderUser>().WithMany().HasForeignKey(x => x.ProviderUserId).OnDelete(DeleteBehavior.Cascade);
        g.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderClientSetting> s)
    {
        s.ToTable("ProviderClientSettings");
        s.HasKey(x => x.ProviderOrganizationId);
        s.HasOne<ProviderOrganization>().WithOne().HasForeignKey<ProviderClientSetting>(x => x.ProviderOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
