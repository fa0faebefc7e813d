using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Accounts;

public enum KdfType
{
    Pbkdf2Sha256 = 0,
    Argon2id = 1,
}

/// <summary>
/// An account. Everything secret arrives encrypted by the client: the server holds a hash of the client's
/// master password hash, the protected user key, the RSA public key and the wrapped private key.
/// </summary>
public sealed class User : IRevisioned, IAccountRevisionSource
{
    public Guid Id { get; set; }
    /// <summary>Trimmed and lower-cased; unique.</summary>
    public required string Email { get; set; }
    public bool EmailVerified { get; set; }
    public string? Name { get; set; }
    public string? MasterPasswordHint { get; set; }
    /// <summary>Server-side hash (ASP.NET Core Identity's PasswordHasher) of the client's master password hash.</summary>
    public string? MasterPassword { get; set; }
    /// <summary>The master-key salt the client derived with; defaults to the lower-cased email.</summary>
    public string? MasterPasswordSalt { get; set; }
    public KdfType Kdf { get; set; }
    public int KdfIterations { get; set; }
    public int? KdfMemory { get; set; }
    public int? KdfParallelism { get; set; }
    /// <summary>The user key wrapped by the stretched master key (EncString).</summary>
    public string? Key { get; set; }
    public string? PublicKey { get; set; }
    /// <summary>The RSA private key wrapped by the user key (EncString).</summary>
    public string? PrivateKey { get; set; }
    /// <summary>Hex id of the user key, computed and reported by the client (key-id backfill).</summary>
    public string? UserKeyId { get; set; }
    /// <summary>Rotated on password, KDF or key change and "log out everywhere"; tokens carry it.</summary>
    public required string SecurityStamp { get; set; }
    /// <summary>The personal API key's client secret (<c>bw login --apikey</c>), protected (<see cref="ApiKeys"/>).</summary>
    public string? ApiKey { get; set; }
    public string Culture { get; set; } = "en-US";
    public string? AvatarColor { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
    /// <summary>Moves whenever anything the user's clients sync changes.</summary>
    public DateTime AccountRevisionDate { get; set; }
    public DateTime? LastPasswordChangeDate { get; set; }
    public DateTime? LastKdfChangeDate { get; set; }
    /// <summary>JSON list of the user's own equivalent-domain groups (<c>[["a.com","b.com"]]</c>).</summary>
    public string? EquivalentDomains { get; set; }
    /// <summary>JSON list of the global equivalent-domain group types the user switched off.</summary>
    public string? ExcludedGlobalEquivalentDomains { get; set; }

    /// <summary>Profile and key changes reach other devices through sync, so they bump the account revision too.</summary>
    Guid? IAccountRevisionSource.RevisionUserId => Id;
}

sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("Users");
        user.HasIndex(u => u.Email).IsUnique();
        user.Property(u => u.Email).HasMaxLength(256);
        user.Property(u => u.Name).HasMaxLength(50);
        user.Property(u => u.MasterPasswordHint).HasMaxLength(50);
        user.Property(u => u.MasterPassword).HasMaxLength(300);
        user.Property(u => u.MasterPasswordSalt).HasMaxLength(256);
        user.Property(u => u.SecurityStamp).HasMaxLength(50);
        user.Property(u => u.ApiKey).HasMaxLength(500);
        user.Property(u => u.Culture).HasMaxLength(10);
        user.Property(u => u.AvatarColor).HasMaxLength(7);
        user.Property(u => u.UserKeyId).HasMaxLength(64);
    }
}
