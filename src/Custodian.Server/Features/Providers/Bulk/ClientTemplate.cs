using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Custodian.Server.Features.Providers.Bulk;

/// <summary>
/// What a provider sets up in every client of a kind: collections, groups, policies and collection-management
/// settings, kept as one JSON <see cref="Body"/> (<see cref="TemplateBody"/>). Collection names are EncStrings under
/// the provider key, so the server holds no plaintext name; the browser re-encrypts them under each client's org key.
/// </summary>
public sealed class ProviderClientTemplate : IRevisioned
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    public DateTime CreationDate { get; set; }
    public DateTime RevisionDate { get; set; }

    public TemplateBody Parsed => JsonSerializer.Deserialize<TemplateBody>(Body, JsonDefaults.Options)!;
}

/// <summary>The template a client was last set up from, which its drift is measured against.</summary>
public sealed class ProviderClientTemplateLink
{
    public Guid ProviderOrganizationId { get; set; }
    public Guid TemplateId { get; set; }
    public DateTime AppliedDate { get; set; }
}

/// <summary>Access for a role (owners or admins) on a template collection.</summary>
public sealed record RoleAccess(bool ReadOnly, bool HidePasswords, bool Manage);

/// <summary>A template collection: <see cref="Id"/> is the template's own reference, not a collection id.</summary>
public sealed record TemplateCollection(
    Guid Id,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Name,
    RoleAccess? OwnerAccess,
    RoleAccess? AdminAccess);

public sealed record TemplateGroupAccess(Guid Id, bool ReadOnly, bool HidePasswords, bool Manage);

/// <summary>Group names are plaintext in Bitwarden's model too; they are matched by name.</summary>
public sealed record TemplateGroup([property: Required, StringLength(100)] string Name, [property: MaxLength(100)] IReadOnlyList<TemplateGroupAccess>? Collections);

public sealed record TemplatePolicy(PolicyType Type, bool Enabled, JsonElement? Data);

public sealed record CollectionManagement(bool LimitCollectionCreation, bool LimitCollectionDeletion, bool LimitItemDeletion,
    bool AllowAdminAccessToAllCollectionItems);

public sealed record TemplateBody(
    [property: MaxLength(100)] IReadOnlyList<TemplateCollection>? Collections,
    [property: MaxLength(100)] IReadOnlyList<TemplateGroup>? Groups,
    [property: MaxLength(20)] IReadOnlyList<TemplatePolicy>? Policies,
    CollectionManagement? CollectionManagement)
{
    /// <summary>
    /// The checks DataAnnotations cannot make: unique collection refs, groups naming only template collections,
    /// known policy types with valid settings (normalized as a client would store them).
    /// </summary>
    public TemplateBody Validated()
    {
        var collections = Collections ?? [];
        var refs = collections.Select(c => c.Id).ToHashSet();
        if (refs.Count != collections.Count || refs.Contains(Guid.Empty))
        {
            throw BadRequestException.ForField("Body.Collections", "Each template collection needs its own id.");
        }
        if ((Groups ?? []).Any(g => (g.Collections ?? []).Any(a => !refs.Contains(a.Id))))
        {
            throw BadRequestException.ForField("Body.Groups", "A group may only name the template's collections.");
        }
        if ((Groups ?? []).Select(g => g.Name.Trim()).Distinct(StringComparer.Ordinal).Count() != (Groups ?? []).Count)
        {
            throw BadRequestException.ForField("Body.Groups", "Group names must differ.");
        }
        var policies = Policies ?? [];
        if (policies.Select(p => p.Type).Distinct().Count() != policies.Count)
        {
            throw BadRequestException.ForField("Body.Policies", "Each policy type may appear once.");
        }
        var normalized = policies.Select(p =>
        {
            if (!Enum.IsDefined(p.Type))
            {
                throw BadRequestException.ForField("Body.Policies", $"Unknown policy type {(int)p.Type}.");
            }
            var data = PolicyRules.ValidatedData(p.Type, p.Data);
            return p with { Data = data is null ? null : JsonSerializer.Deserialize<JsonElement>(data) };
        }).ToList();
        return this with { Collections = collections, Groups = [.. (Groups ?? []).Select(g => g with { Name = g.Name.Trim() })], Policies = normalized };
    }
}

sealed class ClientTemplateConfiguration : IEntityTypeConfiguration<ProviderClientTemplate>, IEntityTypeConfiguration<ProviderClientTemplateLink>
{
    public void Configure(EntityTypeBuilder<ProviderClientTemplate> template)
    {
        template.ToTable("ProviderClientTemplates");
        template.HasIndex(t => new { t.ProviderId, t.Name }).IsUnique();
        template.Property(t => t.Name).HasMaxLength(50);
        template.Property(t => t.Body).HasMaxLength(200_000);
        template.HasOne<Provider>().WithMany().HasForeignKey(t => t.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProviderClientTemplateLink> link)
    {
        link.ToTable("ProviderClientTemplateLinks");
        link.HasKey(l => l.ProviderOrganizationId);
        link.HasIndex(l => l.TemplateId);
        link.HasOne<ProviderOrganization>().WithMany().HasForeignKey(l => l.ProviderOrganizationId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<ProviderClientTemplate>().WithMany().HasForeignKey(l => l.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}
