using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Vault;

/// <summary>
/// The items a caller reaches: their own, and org items through collections (<see cref="VaultAccess"/>). Loading
/// with a rights check, applying a client's request, per-user state (folder, favorite, archive), saving (org
/// changes make every member resync) and the response shape. An item the caller may not use reads as missing (404).
/// </summary>
public sealed class CipherService(AppDbContext db, CurrentUser caller, VaultAccess access, AttachmentLinks links,
    EventLog events, TimeProvider time)
{
    public const string StaleMessage = "The client copy of this cipher is out of date. Resync the client and try again.";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public Guid CallerId => caller.Id;

    /// <summary>An item the caller reaches with the rights <paramref name="allowed"/> asks for.</summary>
    public async Task<Cipher> LoadAsync(Guid id, Func<CipherAccess, bool> allowed, CancellationToken ct) =>
        (await LoadManyAsync([id], allowed, ct)).SingleOrDefault() ?? throw new NotFoundException();

    /// <summary>The items among <paramref name="ids"/> the caller reaches as asked; others are left out.</summary>
    public async Task<List<Cipher>> LoadManyAsync(IReadOnlyCollection<Guid> ids, Func<CipherAccess, bool> allowed, CancellationToken ct)
    {
        var ciphers = await db.Ciphers.Where(c => ids.Contains(c.Id) && (c.UserId == caller.Id || c.OrganizationId != null)).ToListAsync(ct);
        var orgAccess = await access.ForOrgItemsAsync(ciphers, ct);
        return [.. ciphers.Where(c => c.UserId == caller.Id
            ? allowed(CipherMapper.FullAccess)
            : orgAccess.TryGetValue(c.Id, out var a) && allowed(a.Access))];
    }

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

    /// <summary>
    /// Refuses a write based on an older copy. Revisions are whole, strictly increasing milliseconds, so the
    /// comparison is exact: a second writer holding the same copy is refused (here, or by the concurrency token
    /// when both pass this check at once).
    /// </summary>
    public static void EnsureFresh(Cipher cipher, DateTime? lastKnownRevisionDate)
    {
        if (lastKnownRevisionDate is { } known
            && RevisionInterceptor.ToMilliseconds(cipher.RevisionDate) != RevisionInterceptor.ToMilliseconds(known.ToUniversalTime()))
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

    /// <summary>Stages an audit event for org items (the org's log); personal items have none.</summary>
    public void Record(EventType type, Cipher cipher)
    {
        if (cipher.OrganizationId is { } organizationId)
        {
            events.Add(type, new EventSubject(OrganizationId: organizationId, CipherId: cipher.Id));
        }
    }

    /// <summary>Saves; when org items changed, every member of those orgs resyncs (same transaction).</summary>
    public Task SaveAsync(IEnumerable<Cipher> touched, CancellationToken ct)
    {
        var orgIds = touched.Select(c => c.OrganizationId).OfType<Guid>().Distinct().ToList();
        return orgIds.Count == 0 ? db.SaveChangesAsync(ct) : OrganizationRevision.SaveAndBumpMembersAsync(db, orgIds, time, ct);
    }

    public Task SaveAsync(Cipher touched, CancellationToken ct) => SaveAsync([touched], ct);

    /// <summary>
    /// Everything in the caller's vault: their own items, org items of their collections, and every item of the
    /// client orgs their provider administers; trashed ones included (clients show the trash from them). Items no
    /// collection of a member holds stay in the Admin Console. Streamed in id order as the rows are read, so a
    /// 5,000-item sync never holds 5,000 responses (bench/README.md).
    /// </summary>
    public async IAsyncEnumerable<SyncItem> VisibleItemsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var me = caller.Id;
        var legacyData = LegacyCipherData.WantedBy(caller);
        // Links and rules first: one connection cannot run a second query while the item rows stream.
        var grants = await access.GrantsAsync(ct);
        var ids = VisibleIds(me, [.. await access.CarriedClientsAsync(ct)]);
        var collectionLinks = await CollectionLinksAsync(grants, ct);
        // Client orgs are managed orgs, whose flags the rules already hold.
        var rules = await access.RulesAsync([.. grants.Select(g => g.OrganizationId)], ct);
        // Attachments come in the same query, a row per uploaded attachment (few items have one): a second query
        // keyed by the visible ids evaluated their union again, 5 ms of a 70 ms sync (bench/README.md). Ordering
        // by attachment too made SQLite sort every row's item JSON, so an item's attachments are ordered here.
        var rows = from c in db.Ciphers
                   where ids.Contains(c.Id)
                   from s in db.CipherUserStates.Where(s => s.CipherId == c.Id && s.UserId == me).DefaultIfEmpty()
                   from a in db.Attachments.Where(a => a.CipherId == c.Id && a.Uploaded).DefaultIfEmpty()
                   orderby c.Id
                   select new
                   {
                       Item = new SyncItem
                       {
                           Id = c.Id, OrganizationId = c.OrganizationId, Type = c.Type, Data = c.Data, Key = c.Key, Reprompt = c.Reprompt,
                           CreationDate = c.CreationDate, RevisionDate = c.RevisionDate, DeletedDate = c.DeletedDate,
                           FolderId = s == null ? null : s.FolderId, Favorite = s != null && s.Favorite, ArchivedDate = s == null ? null : s.ArchivedDate,
                       },
                       Attachment = a,
                   };
        SyncItem? current = null;
        await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (current?.Id == row.Item.Id)
            {
                current.Attachments!.Add(links.Response(row.Attachment!));
                continue;
            }
            if (current is not null)
            {
                yield return Finished(current);
            }
            current = row.Item;
            current.LegacyData = legacyData;
            // An org item the rules do not resolve keeps full rights and no collections, as single reads answer it.
            if (current.OrganizationId is { } org && rules.Resolve(org, collectionLinks.Of(current.Id)) is { } resolved)
            {
                current.Access = resolved.Access;
                current.CollectionIds = resolved.CollectionIds;
            }
            current.OrganizationUseTotp = current.OrganizationId is { } totpOrg && rules.UsesTotp(totpOrg);
            if (row.Attachment is { } attachment)
            {
                current.Attachments = [links.Response(attachment)];
            }
        }
        if (current is not null)
        {
            yield return Finished(current);
        }
    }

    /// <summary>An item whose rows have all been read, its attachments in id order as single reads list them.</summary>
    static SyncItem Finished(SyncItem item)
    {
        item.Attachments?.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        return item;
    }

    /// <summary>
    /// The collection links the rules need, as (item, collection) pairs, in one statement whose two parts each read
    /// their own index. A member sees an item only in the collections granted to them, so those collections' links
    /// suffice; owners, admins and providers see every collection of an item, so for the orgs they manage (client
    /// orgs included) every link of the org's collections is read. Reading the reached items' other links by id
    /// took 10 ms of a 5,000-item sync; one query keyed by every visible id made PostgreSQL scan all links
    /// (bench/README.md).
    /// </summary>
    async Task<CollectionLinkIndex> CollectionLinksAsync(IReadOnlyList<CollectionGrant> grants, CancellationToken ct)
    {
        var managed = await access.ManagedOrgsAsync(ct);
        var managedIds = managed.Keys.ToList();
        var granted = grants.Where(g => !managed.ContainsKey(g.OrganizationId)).Select(g => g.CollectionId).Distinct().ToList();
        if (granted.Count == 0 && managedIds.Count == 0)
        {
            return new CollectionLinkIndex([]);
        }
        var links = db.CollectionCiphers.Where(l => granted.Contains(l.CollectionId)).Select(l => new { l.CipherId, l.CollectionId })
            .Concat(from c in db.Collections
                    where managedIds.Contains(c.OrganizationId)
                    join l in db.CollectionCiphers on c.Id equals l.CollectionId
                    select new { l.CipherId, l.CollectionId });
        return new CollectionLinkIndex(await links.AsAsyncEnumerable().Select(l => (l.CipherId, l.CollectionId)).ToListAsync(ct));
    }

    /// <summary>
    /// One id set per way in, each answered by its own index, then one lookup by primary key. An OR across the
    /// three made both databases scan every item of every vault (measured in bench/README.md). Client orgs come in
    /// as the ids the caller carries (<see cref="VaultAccess.CarriedClientsAsync"/>), already loaded: a client the
    /// caller only administers adds nothing, and no per-item check is made.
    /// </summary>
    IQueryable<Guid> VisibleIds(Guid userId, List<Guid> carriedClients)
    {
        var grants = VaultAccess.GrantsOf(db, userId).Select(g => g.CollectionId);
        var own = db.Ciphers.Where(c => c.UserId == userId).Select(c => c.Id)
            .Union(db.CollectionCiphers.Where(l => grants.Contains(l.CollectionId)).Select(l => l.CipherId));
        return carriedClients.Count == 0 ? own
            : own.Union(db.Ciphers.Where(c => c.OrganizationId != null && carriedClients.Contains(c.OrganizationId.Value)).Select(c => c.Id));
    }

    public async Task<CipherResponse> ResponseAsync(Cipher cipher, CancellationToken ct) =>
        (await ResponsesAsync([cipher], ct)).Single();

    /// <summary>Responses for many items with a fixed number of queries, never one per item.</summary>
    public async Task<List<CipherResponse>> ResponsesAsync(IReadOnlyList<Cipher> ciphers, CancellationToken ct)
    {
        var ids = ciphers.Select(c => c.Id).ToList();
        var states = await db.CipherUserStates.Where(s => s.UserId == caller.Id && ids.Contains(s.CipherId))
            .ToDictionaryAsync(s => s.CipherId, ct);
        var attachments = (await db.Attachments.Where(a => ids.Contains(a.CipherId) && a.Uploaded).ToListAsync(ct))
            .OrderBy(a => a.Id, StringComparer.Ordinal).ToLookup(a => a.CipherId);
        var orgAccess = await access.ForOrgItemsAsync(ciphers, ct);
        var orgIds = ciphers.Select(c => c.OrganizationId).OfType<Guid>().Distinct().ToList();
        var useTotp = await db.Organizations.Where(o => orgIds.Contains(o.Id) && o.UseTotp).Select(o => o.Id).ToListAsync(ct);
        return [.. ciphers.Select(c =>
        {
            var (rights, collectionIds) = orgAccess.TryGetValue(c.Id, out var a) ? a : (CipherMapper.FullAccess, []);
            return CipherMapper.ToResponse(c, states.GetValueOrDefault(c.Id), [.. attachments[c.Id].Select(links.Response)],
                rights, collectionIds, c.OrganizationId is { } org && useTotp.Contains(org), LegacyCipherData.WantedBy(caller));
        })];
    }
}
