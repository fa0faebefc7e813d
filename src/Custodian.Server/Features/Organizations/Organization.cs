using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Organizations;

/// <summary>Bitwarden's product tiers; self-hosted, so the tier only selects which features an org gets.</summary>
public enum ProductTierType
{
    Free = 0,
    Families = 1,
    Teams = 2,
    Enterprise = 3,
    TeamsStarter = 4,
}

/// <summary>
/// An organization. Its symmetric key never reaches the server unwrapped: members hold it wrapped to their public
/// key, providers hold it wrapped with the provider key. The org's own key pair (private half under the org key)
/// lets admins wrap things to the org.
/// </summary>
public sealed class Organization : IRevisioned
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? BillingEmail { get; set; }
    public string? BusinessName { get; set; }
    /// <summary>Bitwarden plan type number, echoed to clients (self-hosted: no billing behind it).</summary>
    public int PlanType { get; set; }
    public ProductTierType ProductTier { get; set; }
    /// <summary>Null: unlimited. Enforced when inviting.</summary>
    public int? Seats { get; set; }
    public short? MaxCollections { get; set; }
    public bool Enabled { get; set; } = true;
    public string? PublicKey { get; set; }
    public string? PrivateKey { get; set; }
    /// <summary>
    /// The org's API key for the public API and Directory Connector (client_credentials "organization.{id}"),
    /// protected at rest by <see cref="Infrastructure.Security.TenantApiKeys"/>; empty until an owner first asks for it.
    /// </summary>
    public required string ApiKey { get; set; }
    /// <summary>The SCIM bearer key, protected like <see cref="ApiKey"/>; null until an admin turns SCIM on.</summary>
    public string? ScimApiKey { get; set; }
    public bool UsePolicies { get; set; } = true;
    public bool UseGroups { get; set; } = true;
    public bool UseEvents { get; set; } = true;
    public bool UseTotp { get; set; } = true;
    public bool UseApi { get; set; } = true;
    public bool UseCustomPermissions { get; set; } = true;
    public bool AllowAdminAccessToAllCollectionItems { get; set; } = true;
    public bool LimitCollectionCreation { get; set; }
    public bool LimitCollectionDeletion { get; set; }
    public bool LimitItemDeletion { get; set; }
    /// <summary>The client's own rule: a provider technician's time-boxed access waits for an owner's or admin's approval.</summary>
    public bool ProviderAccessNeedsApproval { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> org)
    {
        org.ToTable("Organizations");
        org.Property(o => o.Name).HasMaxLength(200);
        org.Property(o => o.BillingEmail).HasMaxLength(256);
        org.Property(o => o.BusinessName).HasMaxLength(200);
        org.Property(o => o.PublicKey).HasMaxLength(2000);
        org.Property(o => o.PrivateKey).HasMaxLength(5000);
        org.Property(o => o.ApiKey).HasMaxLength(500);
        org.Property(o => o.ScimApiKey).HasMaxLength(500);
        // Name then id: the Provider Portal pages clients in this order, straight off the index.
        org.HasIndex(o => new { o.Name, o.Id });
    }
}
