using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// An encrypted file on an item. The row is made when the client announces the upload (v2 flow); the bytes land
/// on disk under the data directory and <see cref="Uploaded"/> turns true once they match the announced size.
/// </summary>
public sealed class Attachment
{
    /// <summary>Random lower-case string id, as Bitwarden's clients expect (not a GUID).</summary>
    public required string Id { get; set; }
    public Guid CipherId { get; set; }
    /// <summary>EncString of the file name.</summary>
    public required string FileName { get; set; }
    /// <summary>The attachment's own key wrapped by the item/user/org key (EncString).</summary>
    public string? Key { get; set; }
    public long Size { get; set; }
    public bool Uploaded { get; set; }
    public DateTime CreationDate { get; set; }
}

sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.ToTable("Attachments");
        attachment.Property(a => a.Id).HasMaxLength(50);
        attachment.Property(a => a.FileName).HasMaxLength(1000);
        attachment.Property(a => a.Key).HasMaxLength(1000);
        attachment.HasIndex(a => a.CipherId);
        attachment.HasOne<Cipher>().WithMany().HasForeignKey(a => a.CipherId).OnDelete(DeleteBehavior.Cascade);
    }
}
