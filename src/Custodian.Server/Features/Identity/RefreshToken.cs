using Custodian.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Identity;

/// <summary>
/// A refresh token, stored only as its SHA-256 hash. It lives while its security stamp matches the user's,
/// so rotating the stamp revokes every session at once. Each use replaces it with a new one of the same family;
/// the used one is kept (until it would have expired) so that presenting it again is seen as theft.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token handed to the client.</summary>
    public required string TokenHash { get; set; }
    public Guid UserId { get; set; }
    public Guid? DeviceId { get; set; }
    public required string ClientId { get; set; }
    public required string SecurityStamp { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime ExpirationDate { get; set; }
    /// <summary>Every token descended from one login shares the first token's id.</summary>
    public Guid FamilyId { get; set; }
    /// <summary>When it was exchanged for its successor; null while it is the family's current token.</summary>
    public DateTime? UsedDate { get; set; }
}

sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> token)
    {
        token.ToTable("RefreshTokens");
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.HasIndex(t => t.FamilyId);
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.Property(t => t.ClientId).HasMaxLength(50);
        token.Property(t => t.SecurityStamp).HasMaxLength(50);
        token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        token.HasOne<Device>().WithMany().HasForeignKey(t => t.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
