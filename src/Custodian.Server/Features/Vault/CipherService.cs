using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// The caller's personal items: loading with ownership checks, applying a client's request, per-user state
/// (folder, favorite, archive) and the response shape. Another user's item reads as missing (404).
/// </summary>
public sealed class CipherService(AppDbContext db, CurrentUser caller, AttachmentLinks links, TimeProvider time)
{
    public const string StaleMessage = "The client copy of this cipher is out of date. Resync the client and try again.";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Cipher> LoadOwnAsync(Guid id, CancellationToken ct) =>
        await db.Ciphers.SingleOrDefaultAsync(c => c.Id == id && c.UserId == caller.Id, ct) ?? throw new NotFoundException();

    /// <summary>The caller's items among <paramref name="ids"/>; ids of other users' items are ignored.</summary>
    public Task<List<Cipher>> LoadOwnManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Ciphers.Where(c => ids.Contains(c.Id) && c.UserId == caller.Id).ToListAsync(ct);

    /// <summary>A folder id from a client, which must name one of the caller's folders.</summary>
    public async Task<Guid?> ResolveFolderAsync(string? folderId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(folderId))
        {
            return null;
        }
        if (Guid.TryParse(folderId, out var id) && await db.Folders.AnyAsync(f => f.Id == id && f.UserId == caller.Id, ct))
        {
            return id;
        }
        throw BadRequestException.ForField("FolderId", "Invalid folder.");
    }

    public static void EnsureFresh(Cipher cipher, DateTime? lastKnownRevisionDate)
    {
        if (lastKnownRevisionDate is { } known && (cipher.RevisionDate - known.ToUniversalTime()).Duration() > TimeSpan.FromSeconds(1))
        {
            throw BadRequestException.ForField("LastKnownRevisionDate", StaleMessage);
        }
    }

    /// <summary>Copies what the client sent into the row; the server keeps the data opaque.</summary>
    public static void Apply(Cipher cipher, CipherRequest request)
    {
        cipher.Type = request.Type;
        cipher.Data = request.ToData().Serialize();
        cipher.Key = request.Key;
        cipher.Reprompt = request.Reprompt;
    }

    public Cipher NewPersonal(CipherRequest request)
    {
        if (request.OrganizationId is not null)
        {
            throw BadRequestException.ForField("OrganizationId", "Organization items are created with collections through /ciphers/create.");
        }
        if (request.EncryptedFor is { } encryptedFor && encryptedFor != caller.Id)
        {
            throw BadRequestException.ForField("EncryptedFor", "The item was encrypted for another user.");
        }
        var cipher = new Cipher { Id = Guid.CreateVersion7(), UserId = caller.Id, Data = "", CreationDate = Now };
        Apply(cipher, request);
        db.Ciphers.Add(cipher);
        return cipher;
    }

    /// <summary>The caller's folder/favorite/archive row for an item, created on first use.</summary>
    public async Task<CipherUserState> StateAsync(Guid cipherId, CancellationToken ct)
    {
        var state = await db.CipherUserStates.FindAsync([cipherId, caller.Id], ct);
        if (state is null)
        {
            state = new CipherUserState { CipherId = cipherId, UserId = caller.Id };
            db.CipherUserStates.Add(state);
        }
        return state;
    }

    /// <summary>All the caller's personal items, trashed ones included (clients show the trash from them).</summary>
    public async Task<List<CipherResponse>> OwnResponsesAsync(CancellationToken ct) =>
        await ResponsesAsync(await db.Ciphers.Where(c => c.UserId == caller.Id).OrderBy(c => c.Id).ToListAsync(ct), ct);

    public async Task<CipherResponse> ResponseAsync(Cipher cipher, CancellationToken ct) =>
        (await ResponsesAsync([cipher], ct)).Single();

    /// <summary>Responses for many items with two extra queries in all (states, attachments), never one per item.</summary>
    public async Task<List<CipherResponse>> ResponsesAsync(IReadOnlyList<Cipher> ciphers, CancellationToken ct)
    {
        var ids = ciphers.Select(c => c.Id).ToList();
        var states = await db.CipherUserStates.Where(s => s.UserId == caller.Id && ids.Contains(s.CipherId))
            .ToDictionaryAsync(s => s.CipherId, ct);
        var attachments = (await db.Attachments.Where(a => ids.Contains(a.CipherId) && a.Uploaded).ToListAsync(ct))
            .ToLookup(a => a.CipherId);
        return [.. ciphers.Select(c => CipherMapper.ToResponse(c, states.GetValueOrDefault(c.Id),
            [.. attachments[c.Id].Select(links.Response)], CipherMapper.FullAccess))];
    }
}
