using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// Org items: create into collections, share a personal item into an org, change an item's collections, the
/// Admin Console's list. The admin routes reuse the member routes: <see cref="VaultAccess"/> already gives owners
/// and admins every item of their org, and nobody else more than their collections allow.
/// </summary>
public static class OrgCipherEndpoints
{
    public const string NoCollectionAccess = "You do not have permission to add items to the selected collections.";

    public static RouteGroupBuilder MapOrgCipherEndpoints(this RouteGroupBuilder ciphers)
    {
        ciphers.MapPost("/admin", (CipherCreateRequest request, AppDbContext db, CipherService service, VaultAccess access, CancellationToken ct) =>
            CreateInOrganizationAsync(request, adminRequest: true, db, service, access, ct));
        ciphers.MapGet("/organization-details", OrganizationDetails);
        ciphers.MapPut("/{id:guid}/share", Share);
        ciphers.MapPost("/{id:guid}/share", Share); // legacy alias
        ciphers.MapPut("/share", ShareMany);
        ciphers.MapPost("/share", ShareMany); // legacy alias
        ciphers.MapPut("/{id:guid}/collections", UpdateCollections);
        ciphers.MapPost("/{id:guid}/collections", UpdateCollections); // legacy alias
        ciphers.MapPut("/{id:guid}/collections-admin", UpdateCollections);
        ciphers.MapPost("/{id:guid}/collections-admin", UpdateCollections); // legacy alias
        ciphers.MapPut("/{id:guid}/collections_v2", UpdateCollectionsV2);
        return ciphers;
    }

    public static async Task<CipherResponse> CreateInOrganizationAsync(CipherCreateRequest request, bool adminRequest, AppDbContext db,
        CipherService service, VaultAccess access, CancellationToken ct)
    {
        var organizationId = request.Cipher.OrganizationId
            ?? throw BadRequestException.ForField("Cipher.OrganizationId", "An organization item needs an organization.");
        var collectionIds = (request.CollectionIds ?? []).Distinct().ToList();
        var managesAll = (await access.ManagedOrgsAsync(ct)).ContainsKey(organizationId);
        if (!managesAll && !(await access.GrantsAsync(ct)).Any(g => g.OrganizationId == organizationId))
        {
            throw new NotFoundException();
        }
        if ((collectionIds.Count == 0 && !(managesAll && adminRequest)) || !await access.CanAddToCollectionsAsync(organizationId, collectionIds, ct))
        {
            throw BadRequestException.ForField("CollectionIds", NoCollectionAccess);
        }
        var cipher = new Cipher { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Data = "", CreationDate = service.Now };
        CipherService.Apply(cipher, request.Cipher);
        db.Ciphers.Add(cipher);
        db.CollectionCiphers.AddRange(collectionIds.Select(c => new CollectionCipher { CollectionId = c, CipherId = cipher.Id }));
        await SetStateAsync(cipher, request.Cipher, service, ct);
        service.Record(EventType.Cipher_Created, cipher);
        await service.SaveAsync(cipher, ct);
        return await service.ResponseAsync(cipher, ct);
    }

    static async Task SetStateAsync(Cipher cipher, CipherRequest request, CipherService service, CancellationToken ct)
    {
        var folderId = await service.ResolveFolderAsync(request.FolderId, ct);
        if (folderId is not null || request.Favorite)
        {
            var state = await service.StateAsync(cipher.Id, ct);
            state.FolderId = folderId;
            state.Favorite = request.Favorite;
        }
    }

    /// <summary>
    /// All of the org's items for those who manage them all; otherwise the items of the caller's collections. A
    /// provider user who administers the client without carrying it gets an empty list: the items are absent, the
    /// Admin Console still opens.
    /// </summary>
    static async Task<ListResponse<CipherResponse>> OrganizationDetails(Guid organizationId, AppDbContext db, CipherService service,
        VaultAccess access, OrganizationAccess orgs, CancellationToken ct)
    {
        var query = db.Ciphers.Where(c => c.OrganizationId == organizationId);
        if (!(await access.ManagedOrgsAsync(ct)).ContainsKey(organizationId))
        {
            var granted = (await access.GrantsAsync(ct)).Where(g => g.OrganizationId == organizationId).Select(g => g.CollectionId).Distinct().ToList();
            if (granted.Count == 0)
            {
                return (await orgs.RequireMemberAsync(organizationId, ct)).IsProviderUser ? new([]) : throw new NotFoundException();
            }
            query = query.Where(c => db.CollectionCiphers.Any(l => l.CipherId == c.Id && granted.Contains(l.CollectionId)));
        }
        var responses = await service.ResponsesAsync(await query.OrderBy(c => c.Id).ToListAsync(ct), ct);
        return new([.. responses.Select(r => r with { Object = "cipherMiniDetails" })]);
    }

    static async Task<CipherResponse> Share(Guid id, CipherShareRequest request, AppDbContext db, CipherService service,
        VaultAccess access, CancellationToken ct)
    {
        var cipher = await LoadPersonalAsync(id, db, service, ct);
        await ShareAsync(cipher, request.Cipher, request.CollectionIds, db, service, access, ct);
        await service.SaveAsync(cipher, ct);
        return await service.ResponseAsync(cipher, ct);
    }

    static async Task<ListResponse<CipherResponse>> ShareMany(CipherBulkShareRequest request, AppDbContext db, CipherService service,
        VaultAccess access, CancellationToken ct)
    {
        var shared = new List<Cipher>();
        foreach (var item in request.Ciphers)
        {
            var id = item.Id ?? throw BadRequestException.ForField("Ciphers", "Every item needs its id.");
            var cipher = await LoadPersonalAsync(id, db, service, ct);
            await ShareAsync(cipher, item, request.CollectionIds, db, service, access, ct);
            shared.Add(cipher);
        }
        await service.SaveAsync(shared, ct);   // all or nothing
        return new(await service.ResponsesAsync(shared, ct));
    }

    static async Task<Cipher> LoadPersonalAsync(Guid id, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var cipher = await db.Ciphers.SingleOrDefaultAsync(c => c.Id == id && c.UserId == service.CallerId, ct);
        if (cipher is not null)
        {
            return cipher;
        }
        if ((await service.LoadManyAsync([id], CipherAccess.Read, ct)).Count > 0)
        {
            throw new BadRequestException("This item already belongs to an organization.");
        }
        throw new NotFoundException();
    }

    /// <summary>
    /// Turns a personal item into an org item: the client re-encrypted it (and every attachment key, in
    /// <c>attachments2</c>) under the org key, so no attachment may be left out.
    /// </summary>
    static async Task ShareAsync(Cipher cipher, CipherRequest request, IReadOnlyList<Guid> collectionIds, AppDbContext db,
        CipherService service, VaultAccess access, CancellationToken ct)
    {
        var organizationId = request.OrganizationId ?? throw BadRequestException.ForField("Cipher.OrganizationId", "Choose an organization.");
        CipherService.EnsureFresh(cipher, request.LastKnownRevisionDate);
        var distinct = collectionIds.Distinct().ToList();
        if (distinct.Count == 0 || !await access.CanAddToCollectionsAsync(organizationId, distinct, ct))
        {
            throw BadRequestException.ForField("CollectionIds", NoCollectionAccess);
        }
        foreach (var attachment in await db.Attachments.Where(a => a.CipherId == cipher.Id).ToListAsync(ct))
        {
            if (request.Attachments2?.GetValueOrDefault(attachment.Id) is not { Key: { } key } renamed)
            {
                throw BadRequestException.ForField("Attachments2", "Every attachment must be re-encrypted for the organization.");
            }
            attachment.Key = key;
            attachment.FileName = renamed.FileName ?? attachment.FileName;
        }
        CipherService.Apply(cipher, request);
        cipher.UserId = null;
        cipher.OrganizationId = organizationId;
        db.Ciphers.Update(cipher);
        db.CollectionCiphers.AddRange(distinct.Select(c => new CollectionCipher { CollectionId = c, CipherId = cipher.Id }));
        await SetStateAsync(cipher, request, service, ct);
        service.Record(EventType.Cipher_Shared, cipher);
    }

    static async Task<CipherResponse> UpdateCollections(Guid id, CipherCollectionsRequest request, AppDbContext db,
        CipherService service, VaultAccess access, CancellationToken ct)
    {
        var cipher = await SetCollectionsAsync(id, request.CollectionIds, db, service, access, ct);
        return await service.ResponseAsync(cipher, ct);
    }

    static async Task<OptionalCipherResponse> UpdateCollectionsV2(Guid id, CipherCollectionsRequest request, AppDbContext db,
        CipherService service, VaultAccess access, CancellationToken ct)
    {
        var cipher = await SetCollectionsAsync(id, request.CollectionIds, db, service, access, ct);
        var stillVisible = await service.LoadManyAsync([cipher.Id], CipherAccess.Read, ct);
        return stillVisible.Count == 0 ? new(true, null) : new(false, await service.ResponseAsync(cipher, ct));
    }

    /// <summary>
    /// The caller changes only the collections they may write to: links to collections they cannot see or only
    /// read stay as they are. Owners and admins set the list exactly.
    /// </summary>
    static async Task<Cipher> SetCollectionsAsync(Guid id, IReadOnlyList<Guid> requested, AppDbContext db, CipherService service,
        VaultAccess access, CancellationToken ct)
    {
        var cipher = await service.LoadAsync(id, CipherAccess.ToEdit, ct);
        var organizationId = cipher.OrganizationId ?? throw new BadRequestException("Personal items have no collections.");
        var current = await db.CollectionCiphers.Where(l => l.CipherId == id).ToListAsync(ct);
        var wanted = requested.Distinct().ToHashSet();
        var managesAll = (await access.ManagedOrgsAsync(ct)).ContainsKey(organizationId);
        var writable = managesAll
            ? (await db.Collections.Where(c => c.OrganizationId == organizationId).Select(c => c.Id).ToListAsync(ct)).ToHashSet()
            : (await access.GrantsAsync(ct)).Where(g => !g.ReadOnly && g.OrganizationId == organizationId).Select(g => g.CollectionId).ToHashSet();
        if (wanted.Any(c => !writable.Contains(c) && current.All(l => l.CollectionId != c)))
        {
            throw BadRequestException.ForField("CollectionIds", NoCollectionAccess);
        }
        db.CollectionCiphers.RemoveRange(current.Where(l => writable.Contains(l.CollectionId) && !wanted.Contains(l.CollectionId)));
        db.CollectionCiphers.AddRange(wanted.Where(c => writable.Contains(c) && current.All(l => l.CollectionId != c))
            .Select(c => new CollectionCipher { CollectionId = c, CipherId = id }));
        db.Ciphers.Update(cipher);
        service.Record(EventType.Cipher_UpdatedCollections, cipher);
        await service.SaveAsync(cipher, ct);
        return cipher;
    }
}
