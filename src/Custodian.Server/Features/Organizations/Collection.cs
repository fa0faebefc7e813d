using Custodian.Server.Features.Vault;
using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Organizations;

public enum CollectionType
{
    SharedCollection = 0,
    DefaultUserCollection = 1,
}

/// <summary>A named set of org items; the name is an EncString under the org key.</summary>
public sealed class Collection : IRevisioned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public string? ExternalId { get; set; }
    public CollectionType Type { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }
}

/// <summary>The access levels clients send for a member or group on a collection; one piece of code keeps both lists.</summary>
public interface ICollectionAccess
{
    Guid CollectionId { get; }
    bool ReadOnly { get; set; }
    bool HidePasswords { get; set; }
    bool Manage { get; set; }
}

public sealed class CollectionUser : ICollectionAccess
{
    public Guid CollectionId { get; set; }
    public Guid OrganizationUserId { get; set; }
    public bool ReadOnly { get; set; }
    public bool HidePasswords { get; set; }
    public bool Manage { get; set; }
}

public sealed class CollectionGroup : ICollectionAccess
{
    public Guid CollectionId { get; set; }
    public Guid GroupId { get; set; }
    public bool ReadOnly { get; set; }
    public bool HidePasswords { get; set; }
    public bool Manage { get; set; }
}

public sealed class CollectionCipher
{
    public Guid CollectionId { get; set; }
    public Guid CipherId { get; set; }
}

sealed class CollectionConfiguration :
    IEntityTypeConfiguration<Collection>, IEntityTypeConfiguration<CollectionUser>,
    IEntityTypeConfiguration<CollectionGroup>, IEntityTypeConfiguration<CollectionCipher>
{
    public void Configure(EntityTypeBuilder<Collection> collection)
    {
        collection.ToTable("Collections");
        collection.HasIndex(c => c.OrganizationId);
        collection.Property(c => c.Name).HasMaxLength(1000);
        collection.Property(c => c.ExternalId).HasMaxLength(300);
        collection.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CollectionUser> access)
    {
        access.ToTable("CollectionUsers");
        access.HasKey(a => new { a.CollectionId, a.OrganizationUserId });
        access.HasIndex(a => a.OrganizationUserId);
        access.HasOne<Collection>().WithMany().HasForeignKey(a => a.CollectionId).OnDelete(DeleteBehavior.Cascade);
        access.HasOne<OrganizationUser>().WithMany().HasForeignKey(a => a.OrganizationUserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CollectionGroup> access)
    {
        access.ToTable("CollectionGroups");
        access.HasKey(a => new { a.CollectionId, a.GroupId });
        access.HasIndex(a => a.GroupId);
        access.HasOne<Collection>().WithMany().HasForeignKey(a => a.CollectionId).OnDelete(DeleteBehavior.Cascade);
        access.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CollectionCipher> link)
    {
        link.ToTable("CollectionCiphers");
        link.HasKey(l => new { l.CollectionId, l.CipherId });
        link.HasIndex(l => l.CipherId);
        link.HasOne<Collection>().WithMany().HasForeignKey(l => l.CollectionId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Cipher>().WithMany().HasForeignKey(l => l.CipherId).OnDelete(DeleteBehavior.Cascade);
    }
}
