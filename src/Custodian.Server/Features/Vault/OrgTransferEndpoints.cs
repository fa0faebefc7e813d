using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

/// <summary>A collection in an import file; <c>Id</c> may name an existing collection of the org.</summary>
public sealed record ImportCollectionRequest(
    string? Id,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Name,
    [property: StringLength(300)] string? ExternalId) : IRequestModel;

public sealed record OrgImportRequest(
    [property: Required] IReadOnlyList<CipherRequest> Ciphers,
    IReadOnlyList<ImportCollectionRequest>? Collections,
    IReadOnlyList<ImportRelationship>? CollectionRelationships) : IRequestModel;

public sealed record OrganizationExportResponse(IReadOnlyList<CollectionResponse> Collections, IReadOnlyList<CipherResponse> Ciphers)
    : ResponseModel("organizationExport");

/// <summary>Import into an org and the org export: for owners, admins and custom members with import/export rights.</summary>
public static class OrgTransferEndpoints
{
    public static void MapOrgTransferEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/ciphers/import-organization", Import).WithTags("Ciphers");
        api.MapGet("/organizations/{organizationId:guid}/export", Export).WithTags("Organizations");
    }

    /// <summary>All or nothing, like the personal import; collections are matched by id or created.</summary>
    static async Task Import(Guid organizationId, OrgImportRequest request, OrganizationAccess access, AppDbContext db,
        CipherService service, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanAccessImportExport, ct);
        var collections = request.Collections ?? [];
        var relationships = request.CollectionRelationships ?? [];
        ImportEndpoints.EnsureWithinLimits(request.Ciphers.Count, collections.Count, relationships.Count);
        if (request.Ciphers.Any(c => c.OrganizationId != organizationId))
        {
            throw BadRequestException.ForField("Ciphers", "Every item must be encrypted for this organization.");
        }
        var collectionIds = await ResolveCollectionsAsync(caller, collections, db, service.Now, ct);
        var ciphers = request.Ciphers.Select(r =>
        {
            var cipher = new Cipher { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Data = "", CreationDate = service.Now };
            CipherService.Apply(cipher, r);
            return db.Ciphers.Add(cipher).Entity;
        }).ToList();
        foreach (var (cipherIndex, collectionIndex) in ImportEndpoints.Validated(relationships, ciphers.Count, collectionIds.Count, "CollectionRelationships").Distinct())
        {
            db.CollectionCiphers.Add(new CollectionCipher { CipherId = ciphers[cipherIndex].Id, CollectionId = collectionIds[collectionIndex] });
        }
        await OrganizationRevision.SaveAndBumpMembersAsync(db, organizationId, time, ct);
    }

    static async Task<List<Guid>> ResolveCollectionsAsync(OrgCaller caller, IReadOnlyList<ImportCollectionRequest> collections,
        AppDbContext db, DateTime now, CancellationToken ct)
    {
        var requested = collections.Select(c => Guid.TryParse(c.Id, out var id) ? id : Guid.Empty).ToList();
        var existing = (await db.Collections.Where(c => c.OrganizationId == caller.OrganizationId && requested.Contains(c.Id))
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var ids = new List<Guid>(collections.Count);
        for (var i = 0; i < collections.Count; i++)
        {
            if (existing.Contains(requested[i]))
            {
                ids.Add(requested[i]);
                continue;
            }
            var collection = new Collection
            {
                Id = Guid.CreateVersion7(), OrganizationId = caller.OrganizationId, Name = collections[i].Name,
                ExternalId = collections[i].ExternalId, CreationDate = now,
            };
            db.Collections.Add(collection);
            // An importer who cannot reach every collection manages the ones the import made.
            if (!caller.CanEditAnyCollection && caller.Membership is { } me)
            {
                db.CollectionUsers.Add(new CollectionUser { CollectionId = collection.Id, OrganizationUserId = me.Id, Manage = true });
            }
            ids.Add(collection.Id);
        }
        return ids;
    }

    /// <summary>Every collection and item of the org, trash included (the CLI skips trashed items itself).</summary>
    static async Task<OrganizationExportResponse> Export(Guid organizationId, OrganizationAccess access, AppDbContext db,
        CipherService service, CancellationToken ct)
    {
        await access.RequireAsync(organizationId, c => c.CanAccessImportExport, ct);
        var collections = await db.Collections.Where(c => c.OrganizationId == organizationId).OrderBy(c => c.Id).ToListAsync(ct);
        var ciphers = await db.Ciphers.Where(c => c.OrganizationId == organizationId).OrderBy(c => c.Id).ToListAsync(ct);
        var ids = ciphers.Select(c => c.Id).ToList();
        var links = (await db.CollectionCiphers.Where(l => ids.Contains(l.CipherId)).ToListAsync(ct)).ToLookup(l => l.CipherId, l => l.CollectionId);
        var responses = await service.ResponsesAsync(ciphers, ct);
        return new([.. collections.Select(CollectionResponse.From)],
            [.. responses.Select(r => r with { Object = "cipherMiniDetails", CollectionIds = [.. links[r.Id]] })]);
    }
}
