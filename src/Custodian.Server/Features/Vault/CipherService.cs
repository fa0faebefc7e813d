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
        var carried = await access.CarriedClientsAsync(ct);
        var collectionLinks = await CollectionLinksAsync(grants, ct);
        // Client orgs are managed orgs, whose flags the rules already hold.
        var rules = await access.RulesAsync([.. grants.Select(g => g.OrganizationId)], ct);
        var rows = VisibleRows.For(db)(db, me, [.. grants.Select(g => g.CollectionId).Distinct()], [.. carried]);
        SyncItem? current = null;
        await foreach (var row in rows.WithCancellation(ct))
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
        var links = new List<(Guid CipherId, Guid CollectionId)>();
        await foreach (var link in CollectionLinks.For(db)(db, granted, managedIds).WithCancellation(ct))
        {
            links.Add((link.CipherId, link.CollectionId));
        }
        return new CollectionLinkIndex(links);
    }

    /// <summary>Both parts of the links' statement, each answered by its own index (<see cref="CollectionLinksAsync"/>).</summary>
    static readonly CompiledQuery<Func<AppDbContext, List<Guid>, List<Guid>, IAsyncEnumerable<CollectionCipher>>> CollectionLinks = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, List<Guid> granted, List<Guid> managedOrgs) =>
            db.CollectionCiphers.Where(l => granted.Contains(l.CollectionId))
                .Concat(from c in db.Collections
                        where managedOrgs.Contains(c.OrganizationId)
                        join l in db.CollectionCiphers on c.Id equals l.CollectionId
                        select l)
                .AsNoTracking()));

    /// <summary>
    /// The rows of <see cref="VisibleItemsAsync"/>, compiled: every sync runs it. The visible ids are one set per way
    /// in, each answered by its own index, then one lookup by primary key; an OR across the three made both
    /// databases scan every item of every vault (measured in bench/README.md). The granted collections and the
    /// client orgs the caller carries (<see cref="VaultAccess.CarriedClientsAsync"/>) come in as ids already loaded:
    /// a client the caller only administers adds nothing, and no per-item check is made. Attachments come in the
    /// same query, a row per uploaded attachment (few items have one): a second query keyed by the visible ids
    /// evaluated their union again. Ordering by attachment too made SQLite sort every row's item JSON, so an item's
    /// attachments are ordered as they are read.
    /// </summary>
    static readonly CompiledQuery<Func<AppDbContext, Guid, List<Guid>, List<Guid>, IAsyncEnumerable<ItemRow>>> VisibleRows = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid me, List<Guid> grantedCollections, List<Guid> carriedClients) =>
            (from c in db.Ciphers
             where db.Ciphers.Where(o => o.UserId == me).Select(o => o.Id)
                 .Union(db.CollectionCiphers.Where(l => grantedCollections.Contains(l.CollectionId)).Select(l => l.CipherId))
                 .Union(db.Ciphers.Where(o => o.OrganizationId != null && carriedClients.Contains(o.OrganizationId.Value)).Select(o => o.Id))
                 .Contains(c.Id)
             from s in db.CipherUserStates.Where(s => s.CipherId == c.Id && s.UserId == me).DefaultIfEmpty()
             from a in db.Attachments.Where(a => a.CipherId == c.Id && a.Uploaded).DefaultIfEmpty()
             orderby c.Id
             select new ItemRow(new SyncItem
             {
                 Id = c.Id, OrganizationId = c.OrganizationId, Type = c.Type, Data = c.Data, Key = c.Key, Reprompt = c.Reprompt,
                 CreationDate = c.CreationDate, RevisionDate = c.RevisionDate, DeletedDate = c.DeletedDate,
                 FolderId = s == null ? null : s.FolderId, Favorite = s != null && s.Favorite, ArchivedDate = s == null ? null : s.ArchivedDate,
             }, a)).AsNoTracking()));

    sealed record ItemRow(SyncItem Item, Attachment? Attachment);

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
