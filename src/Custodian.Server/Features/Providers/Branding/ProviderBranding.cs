using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Providers.Branding;

/// <summary>
/// What a provider shows its clients' people: a display name (else the provider's name), a brand colour and a logo.
/// A row of its own, so the logo's bytes are read only by the routes that serve them, never with the provider.
/// </summary>
public sealed class ProviderBranding
{
    public Guid ProviderId { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>"#rrggbb".</summary>
    public string? Color { get; set; }
    /// <summary>A PNG or JPEG checked by <see cref="LogoImage"/>; never SVG (it can carry script).</summary>
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
    public DateTime RevisionDate { get; set; }
}

sealed class ProviderBrandingConfiguration : IEntityTypeConfiguration<ProviderBranding>
{
    public void Configure(EntityTypeBuilder<ProviderBranding> row)
    {
        row.ToTable("ProviderBranding");
        row.HasKey(b => b.ProviderId);
        row.Property(b => b.DisplayName).HasMaxLength(BrandingRequest.MaxNameLength);
        row.Property(b => b.Color).HasMaxLength(7);
        row.Property(b => b.LogoContentType).HasMaxLength(20);
        row.HasOne<Provider>().WithOne().HasForeignKey<ProviderBranding>(b => b.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}
