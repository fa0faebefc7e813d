using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.PublicApi;

/// <summary>
/// <c>/api/public/collections</c>: names are encrypted under the org key, which an API key never holds, so the public
/// API (like Bitwarden's) manages only external ids and group access, and deletes; it cannot create or rename.
/// </summary>
public static class PublicCollectionEndpoints
{
    public static void MapPublicCollectionEndpoints(this RouteGroupBuilder api)
    {
        var collections = api.MapGroup("/collections").WithTags("Collections");
        collections.MapGet("", List);
        collections.MapGet("/{id:guid}", Get);
        collections.MapPut("/{id:guid}", Update);
        collections.MapDelete("/{id:guid}", Delete);
    }

    static async Task<ListResponse<PublicCollectionResponse>> List(PublicApiAccess access, AppDbContext db, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var rows = await db.Collections.Where(c => c.OrganizationId == caller.OrganizationId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.ExternalId }).ToListAsync(ct);
        return new([.. rows.Select(c => new PublicCollectionResponse(c.Id, c.ExternalId, null))]);
    }

    static async Task<PublicCollectionResponse> Get(Guid id, PublicApiAccess access, AppDbContext db, CancellationToken ct) =>
        await ShapeAsync(db, await LoadAsync(await access.RequireAsync(ct), id, db, ct), ct);

    static async Task<PublicCollectionResponse> Update(Guid id, PublicCollectionUpdateRequest request, PublicApiAccess access,
        AppDbContext db, CollectionService collections, EventLog events, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var collection = await LoadAsync(caller, id, db, ct);
        collection.ExternalId = request.ExternalId;
        await collections.SetAccessAsync(caller, id, null, [.. (request.Groups ?? []).Select(g => g.ToSelection())], ct);
        events.Add(EventType.Collection_Updated, new EventSubject(CollectionId: id), caller);
        await collections.SaveAsync(caller.OrganizationId, ct);
        return await ShapeAsync(db, collection, ct);
    }

    static async Task Delete(Guid id, PublicApiAccess access, AppDbContext db, CollectionService collections, EventLog events, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        db.Collections.Remove(await LoadAsync(caller, id, db, ct));
        events.Add(EventType.Collection_Deleted, new EventSubject(CollectionId: id), caller);
        await collections.SaveAsync(caller.OrganizationId, ct);
    }

    static async Task<Collection> LoadAsync(OrgCaller caller, Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Collections.SingleOrDefaultAsync(c => c.Id == id && c.OrganizationId == caller.OrganizationId, ct) ?? throw new NotFoundException();

    static async Task<PublicCollectionResponse> ShapeAsync(AppDbContext db, Collection collection, CancellationToken ct)
    {
        var groups = await db.CollectionGroups.Where(a => a.CollectionId == collection.Id).ToListAsync(ct);
        return new(collection.Id, collection.ExternalId, [.. groups.Select(a => PublicAccess.From(a.GroupId, a.ReadOnly, a.HidePasswords, a.Manage))]);
    }
}
