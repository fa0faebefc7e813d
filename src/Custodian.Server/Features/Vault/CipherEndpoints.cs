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
        ciphers.MapPut("/{id:guid}/archive", Archive);
        ciphers.MapPut("/{id:guid}/unarchive", Unarchive);
        ciphers.MapPut("/archive", ArchiveMany);
        ciphers.MapPut("/unarchive", UnarchiveMany);
        return ciphers;
    }

    static async Task<ListResponse<CipherResponse>> ListCiphers(CipherService service, CancellationToken ct) =>
        new(await service.OwnResponsesAsync(ct));

    static async Task<CipherResponse> CreateCipher(CipherRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
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

    /// <summary>What the CLI sends when collection ids are given; personal items must come without any.</summary>
    static Task<CipherResponse> CreateCipherWithCollections(CipherCreateRequest request, AppDbContext db, CipherService service, CancellationToken ct) =>
        request.CollectionIds is { Count: > 0 } || request.Cipher.OrganizationId is not null
            ? throw BadRequestException.ForField("CollectionIds", "Organization items are not supported yet.")
            : CreateCipher(request.Cipher, db, service, ct);

    static async Task<CipherResponse> GetCipher(Guid id, CipherService service, CancellationToken ct) =>
        await service.ResponseAsync(await service.LoadOwnAsync(id, ct), ct);

    static async Task<CipherResponse> UpdateCipher(Guid id, CipherRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var cipher = await service.LoadOwnAsync(id, ct);
        CipherService.EnsureFresh(cipher, request.LastKnownRevisionDate);
        if (request.OrganizationId is not null)
        {
            throw BadRequestException.ForField("OrganizationId", "Use the share route to move an item into an organization.");
        }
        var folderId = await service.ResolveFolderAsync(request.FolderId, ct);
        CipherService.Apply(cipher, request);
        var state = await service.StateAsync(id, ct);
        state.FolderId = folderId;
        state.Favorite = request.Favorite;
        await db.SaveChangesAsync(ct);
        return await service.ResponseAsync(cipher, ct);
    }

    static async Task<CipherResponse> UpdatePartial(Guid id, CipherPartialRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var cipher = await service.LoadOwnAsync(id, ct);
        var state = await service.StateAsync(id, ct);
        state.FolderId = await service.ResolveFolderAsync(request.FolderId, ct);
        state.Favorite = request.Favorite;
        await db.SaveChangesAsync(ct);
        return await service.ResponseAsync(cipher, ct);
    }

    static async Task SoftDelete(Guid id, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var cipher = await service.LoadOwnAsync(id, ct);
        cipher.DeletedDate ??= service.Now;
        await db.SaveChangesAsync(ct);
    }

    static async Task SoftDeleteMany(CipherIdsRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        foreach (var cipher in await service.LoadOwnManyAsync(request.Ids, ct))
        {
            cipher.DeletedDate ??= service.Now;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The client reads <c>revisionDate</c> from the answer (client-contract 2, restore).</summary>
    static async Task<CipherResponse> Restore(Guid id, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var cipher = await service.LoadOwnAsync(id, ct);
        cipher.DeletedDate = null;
        await db.SaveChangesAsync(ct);
        return await service.ResponseAsync(cipher, ct);
    }

    static async Task<ListResponse<CipherResponse>> RestoreMany(CipherIdsRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var ciphers = await service.LoadOwnManyAsync(request.Ids, ct);
        ciphers.ForEach(c => c.DeletedDate = null);
        await db.SaveChangesAsync(ct);
        return new(await service.ResponsesAsync(ciphers, ct));
    }

    static async Task DeletePermanently(Guid id, AppDbContext db, CipherService service, AttachmentStore files, CancellationToken ct)
    {
        var cipher = await service.LoadOwnAsync(id, ct);
        db.Ciphers.Remove(cipher);
        await db.SaveChangesAsync(ct);
        files.DeleteCipherFiles(cipher.Id);
    }

    static async Task DeleteManyPermanently([FromBody] CipherIdsRequest request, AppDbContext db, CipherService service, AttachmentStore files, CancellationToken ct)
    {
        var ciphers = await service.LoadOwnManyAsync(request.Ids, ct);
        db.Ciphers.RemoveRange(ciphers);
        await db.SaveChangesAsync(ct);
        ciphers.ForEach(c => files.DeleteCipherFiles(c.Id));
    }

    static async Task Move(CipherMoveRequest request, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var folderId = await service.ResolveFolderAsync(request.FolderId, ct);
        foreach (var cipher in await service.LoadOwnManyAsync(request.Ids, ct))
        {
            (await service.StateAsync(cipher.Id, ct)).FolderId = folderId;
        }
        await db.SaveChangesAsync(ct);
    }

    static Task<CipherResponse> Archive(Guid id, AppDbContext db, CipherService service, CancellationToken ct) =>
        SetArchivedAsync(id, archived: true, db, service, ct);

    static Task<CipherResponse> Unarchive(Guid id, AppDbContext db, CipherService service, CancellationToken ct) =>
        SetArchivedAsync(id, archived: false, db, service, ct);

    static async Task<CipherResponse> SetArchivedAsync(Guid id, bool archived, AppDbContext db, CipherService service, CancellationToken ct)
    {
        var cipher = await service.LoadOwnAsync(id, ct);
        (await service.StateAsync(id, ct)).ArchivedDate = archived ? service.Now : null;
        db.Ciphers.Update(cipher); // a new revision date, which clients compare to notice the change
        await db.SaveChangesAsync(ct);
        return await service.ResponseAsync(cipher, ct);
    }

    static Task<ListResponse<CipherResponse>> ArchiveMany(CipherIdsRequest request, AppDbContext db, CipherService service, CancellationToken ct) =>
        SetArchivedManyAsync(request.Ids, archived: true, db, service, ct);

    static Task<ListResponse<CipherResponse>> UnarchiveMany(CipherIdsRequest request, AppDbContext db, CipherService service, CancellationToken ct) =>
        SetArchivedManyAsync(request.Ids, archived: false, db, service, ct);

    static async Task<ListResponse<CipherResponse>> SetArchivedManyAsync(IReadOnlyList<Guid> ids, bool archived, AppDbContext db,
        CipherService service, CancellationToken ct)
    {
        var ciphers = await service.LoadOwnManyAsync(ids, ct);
        foreach (var cipher in ciphers)
        {
            (await service.StateAsync(cipher.Id, ct)).ArchivedDate = archived ? service.Now : null;
            db.Ciphers.Update(cipher);
        }
        await db.SaveChangesAsync(ct);
        return new(await service.ResponsesAsync(ciphers, ct));
    }
}
