using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

/// <summary>Personal items: create, read, update, trash, restore, delete, archive (single and bulk).</summary>
public static class CipherEndpoints
{
    public static RouteGroupBuilder MapCipherEndpoints(this RouteGroupBuilder api)
    {
        var ciphers = api.MapGroup("/ciphers").WithTags("Ciphers");
        ciphers.MapGet("", ListCiphers);
        ciphers.MapPost("", CreateCipher);
        ciphers.MapPost("/create", CreateCipherWithCollections);
        ciphers.MapGet("/{id:guid}", GetCipher);
        ciphers.MapGet("/{id:guid}/details", GetCipher);
        ciphers.MapGet("/{id:guid}/full-details", GetCipher);
        ciphers.MapPut("/{id:guid}", UpdateCipher);
        ciphers.MapPost("/{id:guid}", UpdateCipher); // legacy alias (older mobile apps)
        ciphers.MapPut("/{id:guid}/partial", UpdatePartial);
        ciphers.MapPost("/{id:guid}/partial", UpdatePartial); // legacy alias
        ciphers.MapPut("/{id:guid}/delete", SoftDelete);
        ciphers.MapDelete("/{id:guid}", DeletePermanently);
        ciphers.MapPost("/{id:guid}/delete", DeletePermanently); // legacy alias (Bitwarden: POST {id}/delete is permanent)
        ciphers.MapPut("/{id:guid}/restore", Restore);
        ciphers.MapPut("/delete", SoftDeleteMany);
        ciphers.MapDelete("", DeleteManyPermanently);
        ciphers.MapPost("/delete", DeleteManyPermanently); // legacy alias
        ciphers.MapPut("/restore", RestoreMany);
        ciphers.MapPut("/move", Move);
        ciphers.MapPost("/move", Move); // legacy alias
        // The Admin Console's routes: the same rules, because VaultAccess gives owners and admins every org item.
        ciphers.MapGet("/{id:guid}/admin", GetCipher);
        ciphers.MapPut("/{id:guid}/admin", UpdateCipher);
        ciphers.MapPost("/{id:guid}/admin", UpdateCipher); // legacy alias
        ciphers.MapDelete("/{id:guid}/admin", DeletePermanently);
        ciphers.MapPost("/{id:guid}/delete-admin", DeletePermanently); // legacy alias
        ciphers.MapPut("/{id:guid}/delete-admin", SoftDelete);
        ciphers.MapPut("/{id:guid}/restore-admin", Restore);
        ciphers.MapDelete("/admin", DeleteManyPermanently);
        ciphers.MapPost("/delete-admin", DeleteManyPermanently); // legacy alias
        ciphers.MapPut("/delete-admin", SoftDeleteMany);
        ciphers.MapPut("/restore-admin", RestoreMany);
        ciphers.MapPut("/{id:guid}/archive", Archive);
        ciphers.MapPut("/{id:guid}/unarchive", Unarchive);
        ciphers.MapPut("/archive", ArchiveMany);
        ciphers.MapPut("/unarchive", UnarchiveMany);
        return ciphers;
    }

    static StreamedListResponse<SyncItem> ListCiphers(CipherService service, CancellationToken ct) => new(service.VisibleItemsAsync(ct));

    static async Task<CipherResponse> CreateCipher(CipherRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        await Organizations.PolicyRules.EnsurePersonalItemsAllowedAsync(db, service.CallerId, ct);
        var folderId = await service.ResolveFolderAsync(request.FolderId, ct);
        var cipher = service.NewPersonal(request);
        if (folderId is not null || request.Favorite)
        {
            var state = await service.StateAsync(cipher.Id, ct);
            state.FolderId = folderId;
            state.Favorite = request.Favorite;
        }
        await db.SaveChangesAsync(ct);
        return await service.ResponseAsync(cipher, ct);
    }

    /// <summary>What the CLI sends when collection ids are given: an org item, or a personal one without any.</summary>
    static Task<CipherResponse> CreateCipherWithCollections(CipherCreateRequest request, AppDbContext db, CipherService service,
        VaultAccess access, CancellationToken ct) =>
        request.CollectionIds is { Count: > 0 } || request.Cipher.OrganizationId is not null
            ? OrgCipherEndpoints.CreateInOrganizationAsync(request, adminRequest: false, db, service, access, ct)
            : CreateCipher(request.Cipher, db, service, ct);

    static async Task<CipherResponse> GetCipher(Guid id, CipherService service, CancellationToken ct) =>
        await service.ResponseAsync(await service.LoadAsync(id, CipherAccess.Read, ct), ct);

    static async Task<CipherResponse> UpdateCipher(Guid id, CipherRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var cipher = await service.LoadAsync(id, CipherAccess.ToEdit, ct);
        CipherService.EnsureFresh(cipher, request.LastKnownRevisionDate);
        if (request.OrganizationId != cipher.OrganizationId)
        {
            throw BadRequestException.ForField("OrganizationId", cipher.OrganizationId is null
                ? "Use the share route to move an item into an organization."
                : "An item cannot move between organizations or back to a personal vault.");
        }
        var folderId = await service.ResolveFolderAsync(request.FolderId, ct);
        CipherService.Apply(cipher, request);
        db.Ciphers.Update(cipher);
        var state = await service.StateAsync(id, ct);
        state.FolderId = folderId;
        state.Favorite = request.Favorite;
        service.Record(EventType.Cipher_Updated, cipher);
        await service.SaveAsync(cipher, ct);
        return await service.ResponseAsync(cipher, ct);
    }

    /// <summary>Folder and favorite are the caller's own, so read access is enough.</summary>
    static async Task<CipherResponse> UpdatePartial(Guid id, CipherPartialRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var cipher = await service.LoadAsync(id, CipherAccess.Read, ct);
        var state = await service.StateAsync(id, ct);
        state.FolderId = await service.ResolveFolderAsync(request.FolderId, ct);
        state.Favorite = request.Favorite;
        await db.SaveChangesAsync(ct);
        return await service.ResponseAsync(cipher, ct);
    }

    static async Task SoftDelete(Guid id, CipherService service, CancellationToken ct) =>
        await SoftDeleteAsync([await service.LoadAsync(id, CipherAccess.ToDelete, ct)], service, ct);

    static async Task SoftDeleteMany(CipherIdsRequest request, CipherService service, CancellationToken ct) =>
        await SoftDeleteAsync(await service.LoadManyAsync(request.Ids, CipherAccess.ToDelete, ct), service, ct);

    static async Task SoftDeleteAsync(List<Cipher> ciphers, CipherService service, CancellationToken ct)
    {
        foreach (var cipher in ciphers.Where(c => c.DeletedDate is null))
        {
            cipher.DeletedDate = service.Now;
            service.Record(EventType.Cipher_SoftDeleted, cipher);
        }
        await service.SaveAsync(ciphers, ct);
    }

    /// <summary>The client reads <c>revisionDate</c> from the answer (client-contract 2, restore).</summary>
    static async Task<CipherResponse> Restore(Guid id, CipherService service, CancellationToken ct) =>
        (await RestoreAsync([id], service, ct)).Data.SingleOrDefault() ?? throw new NotFoundException();

    static Task<ListResponse<CipherResponse>> RestoreMany(CipherIdsRequest request, CipherService service, CancellationToken ct) =>
        RestoreAsync(request.Ids, service, ct);

    static async Task<ListResponse<CipherResponse>> RestoreAsync(IReadOnlyCollection<Guid> ids, CipherService service, CancellationToken ct)
    {
        var ciphers = await service.LoadManyAsync(ids, CipherAccess.ToRestore, ct);
        foreach (var cipher in ciphers.Where(c => c.DeletedDate is not null))
        {
            cipher.DeletedDate = null;
            service.Record(EventType.Cipher_Restored, cipher);
        }
        await service.SaveAsync(ciphers, ct);
        return new(await service.ResponsesAsync(ciphers, ct));
    }

    static async Task DeletePermanently(Guid id, AppDbContext db, CipherService service, AttachmentStore files, CancellationToken ct) =>
        await DeleteAsync([await service.LoadAsync(id, CipherAccess.ToDelete, ct)], db, service, files, ct);

    static async Task DeleteManyPermanently([FromBody] CipherIdsRequest request, AppDbContext db, CipherService service, AttachmentStore files, CancellationToken ct) =>
        await DeleteAsync(await service.LoadManyAsync(request.Ids, CipherAccess.ToDelete, ct), db, service, files, ct);

    public static async Task DeleteAsync(List<Cipher> ciphers, AppDbContext db, CipherService service, AttachmentStore files, CancellationToken ct)
    {
        ciphers.ForEach(c => service.Record(EventType.Cipher_Deleted, c));
        db.Ciphers.RemoveRange(ciphers);
        await service.SaveAsync(ciphers, ct);
        ciphers.ForEach(c => files.DeleteOwnerFiles(c.Id));
    }

    static async Task Move(CipherMoveRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var folderId = await service.ResolveFolderAsync(request.FolderId, ct);
        foreach (var cipher in await service.LoadManyAsync(request.Ids, CipherAccess.Read, ct))
        {
            (await service.StateAsync(cipher.Id, ct)).FolderId = folderId;
        }
        await db.SaveChangesAsync(ct);
    }

    static async Task<CipherResponse> Archive(Guid id, AppDbContext db, CipherService service, CancellationToken ct) =>
        (await SetArchivedAsync([id], archived: true, db, service, ct)).Data.SingleOrDefault() ?? throw new NotFoundException();

    static async Task<CipherResponse> Unarchive(Guid id, AppDbContext db, CipherService service, CancellationToken ct) =>
        (await SetArchivedAsync([id], archived: false, db, service, ct)).Data.SingleOrDefault() ?? throw new NotFoundException();

    static Task<ListResponse<CipherResponse>> ArchiveMany(CipherIdsRequest request, AppDbContext db, CipherService service, CancellationToken ct) =>
        SetArchivedAsync(request.Ids, archived: true, db, service, ct);

    static Task<ListResponse<CipherResponse>> UnarchiveMany(CipherIdsRequest request, AppDbContext db, CipherService service, CancellationToken ct) =>
        SetArchivedAsync(request.Ids, archived: false, db, service, ct);

    /// <summary>Archiving is the caller's own state, but the item gets a new revision date, which clients compare.</summary>
    static async Task<ListResponse<CipherResponse>> SetArchivedAsync(IReadOnlyCollection<Guid> ids, bool archived, AppDbContext db,
        CipherService service, CancellationToken ct)
    {
        var ciphers = await service.LoadManyAsync(ids, CipherAccess.Read, ct);
        foreach (var cipher in ciphers)
        {
            (await service.StateAsync(cipher.Id, ct)).ArchivedDate = archived ? service.Now : null;
            db.Ciphers.Update(cipher);
        }
        await service.SaveAsync(ciphers, ct);
        return new(await service.ResponsesAsync(ciphers, ct));
    }
}
