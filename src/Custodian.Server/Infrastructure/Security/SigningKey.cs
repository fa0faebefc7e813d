using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Infrastructure.Security;

/// <summary>The access-token signing key, shared by every instance through the database.</summary>
public sealed class SigningKey
{
    public int Id { get; set; }
    /// <summary>Base64 of 64 random bytes (HMAC-SHA256 key), protected with Data Protection.</summary>
    public required string Secret { get; set; }
    public DateTime CreationDate { get; set; }
}

sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.ToTable("SigningKeys");
        key.Property(k => k.Id).ValueGeneratedNever();
        key.Property(k => k.Secret).HasMaxLength(1000);
    }
}
