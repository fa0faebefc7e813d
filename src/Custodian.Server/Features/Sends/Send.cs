using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Sends;

/// <summary>Bitwarden's <c>SendType</c>.</summary>
public enum SendType
{
    Text = 0,
    File = 1,
}

/// <summary>Bitwarden's <c>AuthType</c>: how a recipient proves they may open the Send.</summary>
public enum SendAuthType
{
    Email = 0,
    Password = 1,
    None = 2,
}

/// <summary>
/// A Send: text or a file shared through a link. Everything the recipient sees is encrypted with a key derived from
/// the Send's key material, which travels in the link's fragment and, wrapped by the user key, in <see cref="Key"/>.
/// The server keeps the counters and dates it enforces in plain columns.
/// </summary>
public sealed class Send : IRevisioned, IAccountRevisionSource
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public SendType Type { get; set; }
    /// <summary>EncStrings under the Send key.</summary>
    public required string Name { get; set; }
    public string? Notes { get; set; }
    /// <summary>The Send's key material, an EncString under the owner's user key.</summary>
    public required string Key { get; set; }
    public string? Text { get; set; }
    public bool TextHidden { get; set; }
    /// <summary>The file's id (ours), its encrypted name, the announced then received size, and whether it arrived.</summary>
    public string? FileId { get; set; }
    public string? FileName { get; set; }
    public long FileSize { get; set; }
    public bool FileUploaded { get; set; }
    public SendAuthType AuthType { get; set; } = SendAuthType.None;
    /// <summary>Server-side hash (ASP.NET Identity format) of the client's password hash; never the client's hash itself.</summary>
    public string? Password { get; set; }
    public string? Emails { get; set; }
    public int? MaxAccessCount { get; set; }
    public int AccessCount { get; set; }
    public DateTime? ExpirationDate { get; set; }
    public DateTime DeletionDate { get; set; }
    public bool Disabled { get; set; }
    public bool HideEmail { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }

    Guid? IAccountRevisionSource.RevisionUserId => UserId;

    /// <summary>What a recipient may open right now: Bitwarden's <c>SendCanBeAccessed</c>.</summary>
    public bool IsAccessible(DateTime now) =>
        !Disabled && (MaxAccessCount is not { } max || AccessCount < max) && (ExpirationDate is not { } expires || expires > now)
        && DeletionDate > now && (Type != SendType.File || FileUploaded);
}

sealed class SendConfiguration : IEntityTypeConfiguration<Send>
{
    public void Configure(EntityTypeBuilder<Send> send)
    {
        send.ToTable("Sends");
        send.HasIndex(s => s.UserId);
        send.HasIndex(s => s.DeletionDate);
        send.Property(s => s.Name).HasMaxLength(1000);
        send.Property(s => s.Notes).HasMaxLength(1000);
        send.Property(s => s.Key).HasMaxLength(1000);
        send.Property(s => s.Text).HasMaxLength(1000);
        send.Property(s => s.FileId).HasMaxLength(50);
        send.Property(s => s.FileName).HasMaxLength(1000);
        send.Property(s => s.Password).HasMaxLength(300);
        send.Property(s => s.Emails).HasMaxLength(4000);
        send.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
