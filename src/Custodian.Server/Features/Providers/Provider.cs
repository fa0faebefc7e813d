using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Providers;

public enum ProviderType
{
    Msp = 0,
    Reseller = 1,
    BusinessUnit = 2,
}

public enum ProviderStatusType
{
    /// <summary>Created by the system administrator; the owner has not set it up yet.</summary>
    Pending = 0,
    Created = 1,
    /// <summary>Set up by its owner (Bitwarden's name; self-hosted, nothing is billed).</summary>
    Billable = 2,
}

public enum ProviderUserType
{
    ProviderAdmin = 0,
    ServiceUser = 1,
}

public enum ProviderUserStatusType
{
    Invited = 0,
    Accepted = 1,
    Confirmed = 2,
}

/// <summary>An MSP (or reseller, business unit) administering client organizations through its own key.</summary>
public sealed class Provider : IRevisioned
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? BusinessName { get; set; }
    public string? BillingEmail { get; set; }
    public ProviderType Type { get; set; }
    public ProviderStatusType Status { get; set; }
    public bool Enabled { get; set; } = true;
    public bool UseEvents { get; set; } = true;
    /// <summary>Provider users reach no client until they turn on two-step login (Custodian's own setting).</summary>
    public bool RequireTwoFactor { get; set; }
    /// <summary>The provider API key (client_credentials "provider.{id}"), protected at rest; null until created.</summary>
    public string? ApiKey { get; set; }
    /// <summary>The longest time-boxed access a technician may ask for (Assignments/).</summary>
    public int MaxAccessGrantMinutes { get; set; } = 480;
    /// <summary>Whether access requests wait for a provider admin, unless a client's own setting says otherwise.</summary>
    public bool AccessRequestsNeedApproval { get; set; } = true;
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
    /// <summary>
    /// Moves (a new random value, so two changes within one clock tick still differ) in the save that changes
    /// anything the profiles of this provider's users list about its clients (<see cref="ClientsRevision"/> class):
    /// each server instance keeps those entries serialized while it matches.
    /// </summary>
    public Guid ClientsRevision { get; set; }
}

/// <summary>
/// A technician of a provider. Invited rows have only an email; confirming stores the provider key wrapped to the
/// user's public key. There is no revoked state: removing the row is how access ends.
/// </summary>
public sealed class ProviderUser : IRevisioned, IAccountRevisionSource
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public Guid? UserId { get; set; }
    public string? Email { get; set; }
    /// <summary>The provider key as an RSA EncString to this user's public key.</summary>
    public string? Key { get; set; }
    public ProviderUserStatusType Status { get; set; }
    public ProviderUserType Type { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }

    Guid? IAccountRevisionSource.RevisionUserId => UserId;
}

/// <summary>The link making an org a provider's client; <see cref="Key"/> is the org key wrapped with the provider key.</summary>
public sealed class ProviderOrganization : IRevisioned
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public Guid OrganizationId { get; set; }
    public string? Key { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

sealed class ProviderConfiguration :
    IEntityTypeConfiguration<Provider>, IEntityTypeConfiguration<ProviderUser>, IEntityTypeConfiguration<ProviderOrganization>
{
    public void Configure(EntityTypeBuilder<Provider> provider)
    {
        provider.ToTable("Providers");
        provider.Property(p => p.Name).HasMaxLength(50);
        provider.Property(p => p.BusinessName).HasMaxLength(50);
        provider.Property(p => p.BillingEmail).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ProviderUser> user)
    {
        user.ToTable("ProviderUsers");
        user.HasIndex(u => new { u.ProviderId, u.Status });
        user.HasIndex(u => new { u.UserId, u.ProviderId }).IsUnique();
        user.Property(u => u.Email).HasMaxLength(256);
        user.Property(u => u.Key).HasMaxLength(1000);
        user.HasOne<Provider>().WithMany().HasForeignKey(u => u.ProviderId).OnDelete(DeleteBehavior.Cascade);
        user.HasOne<User>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderOrganization> link)
    {
        link.ToTable("ProviderOrganizations");
        link.HasIndex(l => l.ProviderId);
        // One provider per organization, kept by the database rather than by a check that could race.
        link.HasIndex(l => l.OrganizationId).IsUnique();
        link.Property(l => l.Key).HasMaxLength(1000);
        link.HasOne<Provider>().WithMany().HasForeignKey(l => l.ProviderId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
