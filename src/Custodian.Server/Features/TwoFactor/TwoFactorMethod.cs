using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.TwoFactor;

/// <summary>Bitwarden's <c>TwoFactorProviderType</c> numbers, the keys of <c>TwoFactorProviders2</c>.</summary>
public enum TwoFactorProviderType
{
    Authenticator = 0,
    Email = 1,
    Duo = 2,
    YubiKey = 3,
    U2f = 4,
    Remember = 5,
    OrganizationDuo = 6,
    WebAuthn = 7,
    RecoveryCode = 8,
}

/// <summary>
/// One second-factor method of a user. <see cref="Data"/> holds the method's secrets (TOTP key, email address,
/// WebAuthn credentials) as JSON protected by Data Protection ("Custodian.TwoFactor"): these are the one thing the
/// server must be able to read, so they are encrypted at rest rather than hashed.
/// </summary>
public sealed class TwoFactorMethod
{
    public Guid UserId { get; set; }
    public TwoFactorProviderType Type { get; set; }
    /// <summary>False while an email address awaits its confirmation code.</summary>
    public bool Enabled { get; set; }
    public required string Data { get; set; }
    /// <summary>Authenticator: the last TOTP time step accepted, so a code works once.</summary>
    public long? LastUsedStep { get; set; }
    /// <summary>Email: SHA-256 of the pending one-time code and the address it was sent to; cleared when used.</summary>
    public string? CodeHash { get; set; }
    public DateTime? CodeExpirationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

sealed class TwoFactorMethodConfiguration : IEntityTypeConfiguration<TwoFactorMethod>
{
    public void Configure(EntityTypeBuilder<TwoFactorMethod> method)
    {
        method.ToTable("TwoFactorMethods");
        method.HasKey(m => new { m.UserId, m.Type });
        method.HasOne<Accounts.User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        method.Property(m => m.CodeHash).HasMaxLength(64);
    }
}
