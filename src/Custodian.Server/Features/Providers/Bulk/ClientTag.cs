using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>A provider's label for its clients ("healthcare", "tier 1"), for finding and selecting them in bulk.</summary>
public sealed class ProviderClientTag : IRevisioned
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public required string Name { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

/// <summary>A tag on one client; removed with the tag or with the client's link to the provider.</summary>
public sealed class ProviderClientTagLink
{
    public Guid TagId { get; set; }
    public Guid ProviderOrganizationId { get; set; }
    /// <summary>Kept on the row so filtering a provider's client list by tag needs no join through the link.</summary>
    public Guid OrganizationId { get; set; }
}

sealed class ClientTagConfiguration : IEntityTypeConfiguration<ProviderClientTag>, IEntityTypeConfiguration<ProviderClientTagLink>
{
    public void Configure(EntityTypeBuilder<ProviderClientTag> tag)
    {
        tag.ToTable("ProviderClientTags");
        tag.HasIndex(t => new { t.ProviderId, t.Name }).IsUnique();
        tag.Property(t => t.Name).HasMaxLength(50);
        tag.HasOne<Provider>().WithMany().HasForeignKey(t => t.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderClientTagLink> link)
    {
        link.ToTable("ProviderClientTagLinks");
        link.HasKey(l => new { l.TagId, l.OrganizationId });
        link.HasIndex(l => l.ProviderOrganizationId);
        link.HasOne<ProviderClientTag>().WithMany().HasForeignKey(l => l.TagId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<ProviderOrganization>().WithMany().HasForeignKey(l => l.ProviderOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
