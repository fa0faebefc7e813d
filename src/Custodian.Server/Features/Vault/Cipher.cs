using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Vault;

public enum CipherType
{
    Login = 1,
    SecureNote = 2,
    Card = 3,
    Identity = 4,
    SshKey = 5,
    BankAccount = 6,
    DriversLicense = 7,
    Passport = 8,
}

public enum CipherRepromptType
{
    None = 0,
    Password = 1,
}

/// <summary>
/// A vault item: personal (UserId set) or an organization's (OrganizationId set). Every field the user typed is in
/// <see cref="Data"/> as EncStrings (serialized <see cref="CipherData"/>); the server never looks inside them.
/// Folder, favorite and archive state are per user (<see cref="CipherUserState"/>), because org items are shared.
/// </summary>
public sealed class Cipher : IRevisioned, IAccountRevisionSource
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    public CipherType Type { get; set; }
    /// <summary>JSON of <see cref="CipherData"/>.</summary>
    public required string Data { get; set; }
    /// <summary>Per-item key wrapped by the user or organization key (EncString), when the client uses one.</summary>
    public string? Key { get; set; }
    public CipherRepromptType Reprompt { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
    /// <summary>Non-null: in the trash.</summary>
    public DateTime? DeletedDate { get; set; }

    Guid? IAccountRevisionSource.RevisionUserId => UserId;
}

/// <summary>One user's folder, favorite flag and archive date for one item.</summary>
public sealed class CipherUserState : IAccountRevisionSource
{
    public Guid CipherId { get; set; }
    public Guid UserId { get; set; }
    public Guid? FolderId { get; set; }
    public bool Favorite { get; set; }
    public DateTime? ArchivedDate { get; set; }

    Guid? IAccountRevisionSource.RevisionUserId => UserId;
}

sealed class CipherConfiguration : IEntityTypeConfiguration<Cipher>
{
    public void Configure(EntityTypeBuilder<Cipher> cipher)
    {
        cipher.ToTable("Ciphers");
        cipher.HasIndex(c => c.UserId);
        cipher.HasIndex(c => c.OrganizationId);
        cipher.Property(c => c.Key).HasMaxLength(1000);
        // Two writes that both passed the stale-write check (two devices, two server instances) cannot both land:
        // the update only matches while the revision is still the one the request read.
        cipher.Property(c => c.RevisionDate).IsConcurrencyToken();
        cipher.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        cipher.HasOne<Organizations.Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class CipherUserStateConfiguration : IEntityTypeConfiguration<CipherUserState>
{
    public void Configure(EntityTypeBuilder<CipherUserState> state)
    {
        state.ToTable("CipherUserStates");
        state.HasKey(s => new { s.CipherId, s.UserId });
        state.HasIndex(s => s.UserId);
        state.HasOne<Cipher>().WithMany().HasForeignKey(s => s.CipherId).OnDelete(DeleteBehavior.Cascade);
        state.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        state.HasOne<Folder>().WithMany().HasForeignKey(s => s.FolderId).OnDelete(DeleteBehavior.SetNull);
    }
}
