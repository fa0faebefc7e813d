using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

public sealed record FolderRequest([property: Required, EncryptedString, EncryptedStringLength(1000)] string Name) : IRequestModel;

public sealed record FolderResponse(Guid Id, string Name, DateTime RevisionDate) : ResponseModel("folder")
{
    public static FolderResponse From(Folder f) => new(f.Id, f.Name, f.RevisionDate);
}

public static class FolderEndpoints
{
    public static RouteGroupBuilder MapFolderEndpoints(this RouteGroupBuilder api)
    {
        var folders = api.MapGroup("/folders").WithTags("Folders");
        folders.MapGet("", ListFolders);
        folders.MapGet("/{id:guid}", GetFolder);
        folders.MapPost("", CreateFolder);
        folders.MapPut("/{id:guid}", UpdateFolder);
        folders.MapPost("/{id:guid}", UpdateFolder); // legacy alias
        folders.MapDelete("/{id:guid}", DeleteFolder);
        folders.MapPost("/{id:guid}/delete", DeleteFolder); // legacy alias
        return folders;
    }

    static async Task<ListResponse<FolderResponse>> ListFolders(AppDbContext db, CurrentUser caller, CancellationToken ct) =>
        new(await ListOwnAsync(db, caller.Id, ct));

    /// <summary>A user's folders, for the folder list and for sync.</summary>
    public static Task<List<FolderResponse>> ListOwnAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        OwnFolders.For(db)(db, userId).ToListAsync(ct).AsTask();

    /// <summary>Every sync runs it (<see cref="CompiledQuery{TQuery}"/>).</summary>
    static readonly CompiledQuery<Func<AppDbContext, Guid, IAsyncEnumerable<FolderResponse>>> OwnFolders = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId) => db.Folders.Where(f => f.UserId == userId).OrderBy(f => f.Id).Select(f => FolderResponse.From(f))));

    static async Task<Folder> LoadOwnAsync(AppDbContext db, CurrentUser caller, Guid id, CancellationToken ct) =>
        await db.Folders.SingleOrDefaultAsync(f => f.Id == id && f.UserId == caller.Id, ct) ?? throw new NotFoundException();

    static async Task<FolderResponse> GetFolder(Guid id, AppDbContext db, CurrentUser caller, CancellationToken ct) =>
        FolderResponse.From(await LoadOwnAsync(db, caller, id, ct));

    static async Task<FolderResponse> CreateFolder(FolderRequest request, AppDbContext db, CurrentUser caller, TimeProvider time, CancellationToken ct)
    {
        var folder = new Folder { Id = Guid.CreateVersion7(), UserId = caller.Id, Name = request.Name, CreationDate = time.GetUtcNow().UtcDateTime };
        db.Folders.Add(folder);
        await db.SaveChangesAsync(ct);
        return FolderResponse.From(folder);
    }

    static async Task<FolderResponse> UpdateFolder(Guid id, FolderRequest request, AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var folder = await LoadOwnAsync(db, caller, id, ct);
        folder.Name = request.Name;
        await db.SaveChangesAsync(ct);
        return FolderResponse.From(folder);
    }

    /// <summary>Items in the folder stay; their folder reference is cleared by the foreign key.</summary>
    static async Task DeleteFolder(Guid id, AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        db.Folders.Remove(await LoadOwnAsync(db, caller, id, ct));
        await db.SaveChangesAsync(ct);
    }
}
