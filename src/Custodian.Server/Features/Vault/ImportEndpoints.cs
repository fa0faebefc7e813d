using System.ComponentModel.DataAnnotations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

/// <summary>A folder from an import file; <c>Id</c> is the file's id, which may or may not exist here.</summary>
public sealed record ImportFolderRequest(
    string? Id,
    [property: Required, EncryptedString, EncryptedStringLength(1000)] string Name) : IRequestModel;

/// <summary>Index pairs: <c>Key</c> is a position in <c>ciphers</c>, <c>Value</c> a position in folders or collections.</summary>
public sealed record ImportRelationship(int Key, int Value);

/// <summary>What <c>bw import</c> sends: items, folders, and which item goes into which folder, by position.</summary>
public sealed record ImportRequest(
    [property: Required] IReadOnlyList<CipherRequest> Ciphers,
    IReadOnlyList<ImportFolderRequest>? Folders,
    IReadOnlyList<ImportRelationship>? FolderRelationships) : IRequestModel;

public static class ImportEndpoints
{
    // Bitwarden's limits: larger imports must be split by the client.
    public const int MaxCiphers = 7000;
    public const int MaxFolders = 2000;
    public const int MaxRelationships = 7000;

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder ciphers)
    {
        ciphers.MapPost("/import", Import);
        return ciphers;
    }

    /// <summary>All or nothing: every row is staged first and written by one SaveChanges (one transaction).</summary>
    static async Task Import(ImportRequest request, AppDbContext db, CipherService service, CurrentUser caller, CancellationToken ct)
    {
        var folders = request.Folders ?? [];
        var relationships = request.FolderRelationships ?? [];
        EnsureWithinLimits(request.Ciphers.Count, folders.Count, relationships.Count);
        await Organizations.PolicyRules.EnsurePersonalItemsAllowedAsync(db, caller.Id, ct);
        var folderIds = await ResolveFoldersAsync(db, caller.Id, folders, service.Now, ct);
        var ciphers = request.Ciphers.Select(service.NewPersonal).ToList();
        // The items are new, so their per-user rows are too: made here rather than looked up one by one.
        var states = new Dictionary<int, CipherUserState>();
        CipherUserState StateOf(int i) => states.TryGetValue(i, out var s) ? s
            : states[i] = db.CipherUserStates.Add(new CipherUserState { CipherId = ciphers[i].Id, UserId = caller.Id }).Entity;
        foreach (var (cipherIndex, folderIndex) in Validated(relationships, ciphers.Count, folderIds.Count, "FolderRelationships"))
        {
            StateOf(cipherIndex).FolderId = folderIds[folderIndex];
        }
        for (var i = 0; i < ciphers.Count; i++)
        {
            if (request.Ciphers[i].Favorite)
            {
                StateOf(i).Favorite = true;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    public static void EnsureWithinLimits(int ciphers, int containers, int relationships)
    {
        if (ciphers > MaxCiphers || containers > MaxFolders || relationships > MaxRelationships)
        {
            throw new BadRequestException("You cannot import this much data at once.");
        }
    }

    /// <summary>Relationships whose indexes point inside both lists; anything else is a 400, not a silent skip.</summary>
    public static IEnumerable<(int Cipher, int Container)> Validated(IReadOnlyList<ImportRelationship> relationships,
        int cipherCount, int containerCount, string field)
    {
        foreach (var r in relationships)
        {
            if (r.Key < 0 || r.Key >= cipherCount || r.Value < 0 || r.Value >= containerCount)
            {
                throw BadRequestException.ForField(field, $"Relationship {r.Key} → {r.Value} points outside the imported data.");
            }
        }
        return relationships.Select(r => (r.Key, r.Value));
    }

    /// <summary>A folder whose id is already one of the caller's is reused; any other becomes a new folder.</summary>
    static async Task<List<Guid>> ResolveFoldersAsync(AppDbContext db, Guid userId, IReadOnlyList<ImportFolderRequest> folders,
        DateTime now, CancellationToken ct)
    {
        var requested = folders.Select(f => Guid.TryParse(f.Id, out var id) ? id : Guid.Empty).ToList();
        var existing = (await db.Folders.Where(f => f.UserId == userId && requested.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct))
            .ToHashSet();
        var ids = new List<Guid>(folders.Count);
        for (var i = 0; i < folders.Count; i++)
        {
            if (existing.Contains(requested[i]))
            {
                ids.Add(requested[i]);
                continue;
            }
            var folder = new Folder { Id = Guid.CreateVersion7(), UserId = userId, Name = folders[i].Name, CreationDate = now };
            db.Folders.Add(folder);
            ids.Add(folder.Id);
        }
        return ids;
    }
}
