using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Vault;

/// <summary>A user's folder; the name is an EncString under the user key.</summary>
public sealed class Folder : IRevisioned, IAccountRevisionSource
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }

    Guid? IAccountRevisionSource.RevisionUserId => UserId;
}

sealed class FolderConfiguration : IEntityTypeConfiguration<Folder>
{
    public void Configure(EntityTypeBuilder<Folder> folder)
    {
        folder.ToTable("Folders");
        folder.HasIndex(f => f.UserId);
        folder.Property(f => f.Name).HasMaxLength(1000);
        folder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
