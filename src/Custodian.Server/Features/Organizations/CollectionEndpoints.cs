using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Collections of an org: list, create, edit, delete, and who may reach them.</summary>
public static class CollectionEndpoints
{
    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/collections", async (CollectionService service, CancellationToken ct) => new ListResponse<CollectionDetailsResponse>(await service.MineAsync(ct)))
            .WithTags("Collections");
        var collections = api.MapGroup("/organizations/{organizationId:guid}/collections").WithTags("Collections");
        collections.MapGet("", List);
        collections.MapGet("/details", ListDetails);
        collections.MapGet("/{id:guid}", Get);
        collections.MapGet("/{id:guid}/details", GetDetails);
        collections.MapGet("/{id:guid}/users", GetUsers);
        collections.MapPut("/{id:guid}/users", SetUsers);
        collections.MapPost("", Create);
        collections.MapPut("/{id:guid}", Update);
        collections.MapPost("/{id:guid}", Update); // legacy alias
        collections.MapDelete("/{id:guid}", Delete);
        collections.MapPost("/{id:guid}/delete", Delete); // legacy alias
        collections.MapDelete("", DeleteMany);
        collections.MapPost("/delete", DeleteMany); // legacy alias
        collections.MapPost("/bulk-access", BulkAccess);
        return collections;
    }

    /// <summary>Everything for those who manage the org's collections; a member's own otherwise.</summary>
    static async Task<List<Collection>> VisibleAsync(OrgCaller caller, AppDbContext db, CollectionService service, CancellationToken ct)
    {
        var all = db.Collections.Where(c => c.OrganizationId == caller.OrganizationId);
        if (!CollectionService.SeesAll(caller))
        {
            var mine = (await service.AssignedAsync(ct)).Keys.ToList();
            all = all.Where(c => mine.Contains(c.Id));
        }
        return await all.OrderBy(c => c.Id).ToListAsync(ct);
    }

    static async Task<ListResponse<CollectionResponse>> List(Guid organizationId, OrganizationAccess access, AppDbContext db,
        CollectionService service, CancellationToken ct)
    {
        var caller = await access.RequireMemberAsync(organizationId, ct);
        return new([.. (await VisibleAsync(caller, db, service, ct)).Select(CollectionResponse.From)]);
    }

    /// <summary>A provider user opening a client's collections is logged in both logs, as the client's vault being accessed.</summary>
    static async Task<ListResponse<CollectionAccessDetailsResponse>> ListDetails(Guid organizationId, OrganizationAccess access,
        AppDbContext db, CollectionService service, EventLog events, CancellationToken ct)
    {
        var caller = await access.RequireMemberAsync(organizationId, ct);
        if (caller.ProviderId is { } providerId)
        {
            var link = await db.Set<Providers.ProviderOrganization>().Where(l => l.OrganizationId == organizationId).Select(l => l.Id).SingleAsync(ct);
            events.Add(EventType.ProviderOrganization_VaultAccessed, new EventSubject(ProviderId: providerId, ProviderOrganizationId: link));
            events.Add(EventType.Organization_VaultAccessed, new EventSubject(), caller);
            await db.SaveChangesAsync(ct);
        }
        return new(await service.AccessDetailsAsync(await VisibleAsync(caller, db, service, ct), ct));
    }

    static async Task<Collection> LoadVisibleAsync(Guid organizationId, Guid id, OrganizationAccess access, CollectionService service, CancellationToken ct)
    {
        var caller = await access.RequireMemberAsync(organizationId, ct);
        var collection = await service.LoadAsync(caller, id, ct);
        return CollectionService.SeesAll(caller) || (await service.AssignedAsync(ct)).ContainsKey(id) ? collection : throw new NotFoundException();
    }

    static async Task<CollectionResponse> Get(Guid organizationId, Guid id, OrganizationAccess access, CollectionService service, CancellationToken ct) =>
        CollectionResponse.From(await LoadVisibleAsync(organizationId, id, access, service, ct));

    static async Task<CollectionAccessDetailsResponse> GetDetails(Guid organizationId, Guid id, OrganizationAccess access,
        CollectionService service, CancellationToken ct) =>
        (await service.AccessDetailsAsync([await LoadVisibleAsync(organizationId, id, access, service, ct)], ct)).Single();

    static async Task<IReadOnlyList<AccessSelection>> GetUsers(Guid organizationId, Guid id, OrganizationAccess access,
        CollectionService service, CancellationToken ct) =>
        (await service.AccessDetailsAsync([await LoadVisibleAsync(organizationId, id, access, service, ct)], ct)).Single().Users;

    static async Task SetUsers(Guid organizationId, Guid id, IReadOnlyList<AccessSelection> users, OrganizationAccess access,
        CollectionService service, EventLog events, CancellationToken ct)
    {
        var (caller, collection) = await LoadEditableAsync(organizationId, id, access, service, ct);
        await service.SetAccessAsync(caller, collection.Id, users, groups: null, ct);
        events.Add(EventType.Collection_Updated, new EventSubject(CollectionId: id), caller);
        await service.SaveAsync(organizationId, ct);
    }

    static async Task<(OrgCaller, Collection)> LoadEditableAsync(Guid organizationId, Guid id, OrganizationAccess access,
        CollectionService service, CancellationToken ct)
    {
        var caller = await access.RequireMemberAsync(organizationId, ct);
        var collection = await service.LoadAsync(caller, id, ct);
        return await service.CanEditAsync(caller, id, ct) ? (caller, collection) : throw new NotFoundException();
    }

    static async Task<CollectionAccessDetailsResponse> Create(Guid organizationId, CollectionRequest request, OrganizationAccess access,
        AppDbContext db, CollectionService service, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanCreateCollections, ct);
        if (caller.Organization.MaxCollections is { } max && await db.Collections.CountAsync(c => c.OrganizationId == organizationId, ct) >= max)
        {
            throw new BadRequestException($"This organization can only have a maximum of {max} collections.");
        }
        var collection = new Collection
        {
            Id = Guid.CreateVersion7(), OrganizationId = organizationId, Name = request.Name, ExternalId = request.ExternalId,
            CreationDate = time.GetUtcNow().UtcDateTime,
        };
        db.Collections.Add(collection);
        var users = request.Users ?? [];
        // A creator who could not otherwise reach the new collection manages it, or it would be lost to them.
        if (!caller.CanEditAnyCollection && caller.Membership is { } me && users.All(u => u.Id != me.Id))
        {
            users = [.. users, new AccessSelection(me.Id, ReadOnly: false, HidePasswords: false, Manage: true)];
        }
        await service.SetAccessAsync(caller, collection.Id, users, request.Groups ?? [], ct);
        events.Add(EventType.Collection_Created, new EventSubject(CollectionId: collection.Id), caller);
        await service.SaveAsync(organizationId, ct);
        return (await service.AccessDetailsAsync([collection], ct)).Single();
    }

    static async Task<CollectionAccessDetailsResponse> Update(Guid organizationId, Guid id, CollectionUpdateRequest request,
        OrganizationAccess access, CollectionService service, EventLog events, CancellationToken ct)
    {
        var (caller, collection) = await LoadEditableAsync(organizationId, id, access, service, ct);
        collection.Name = request.Name ?? collection.Name;
        collection.ExternalId = request.ExternalId;
        await service.SetAccessAsync(caller, id, request.Users, request.Groups, ct);
        events.Add(EventType.Collection_Updated, new EventSubject(CollectionId: id), caller);
        await service.SaveAsync(organizationId, ct);
        return (await service.AccessDetailsAsync([collection], ct)).Single();
    }

    static Task Delete(Guid organizationId, Guid id, OrganizationAccess access, AppDbContext db, CollectionService service,
        EventLog events, CancellationToken ct) =>
        DeleteAsync(organizationId, [id], access, db, service, events, ct);

    static Task DeleteMany(Guid organizationId, [FromBody] CollectionIdsRequest request, OrganizationAccess access, AppDbContext db,
        CollectionService service, EventLog events, CancellationToken ct) =>
        DeleteAsync(organizationId, request.Ids, access, db, service, events, ct);

    /// <summary>All or nothing: one collection the caller may not delete refuses the whole request.</summary>
    static async Task DeleteAsync(Guid organizationId, IReadOnlyList<Guid> ids, OrganizationAccess access, AppDbContext db,
        CollectionService service, EventLog events, CancellationToken ct)
    {
        var caller = await access.RequireMemberAsync(organizationId, ct);
        foreach (var id in ids.Distinct())
        {
            var collection = await service.LoadAsync(caller, id, ct);
            if (!await service.CanDeleteAsync(caller, id, ct))
            {
                throw new NotFoundException();
            }
            db.Collections.Remove(collection);
            events.Add(EventType.Collection_Deleted, new EventSubject(CollectionId: id), caller);
        }
        await service.SaveAsync(organizationId, ct);
    }

    /// <summary>Adds (or updates) the given access on several collections at once; other access stays.</summary>
    static async Task BulkAccess(Guid organizationId, CollectionBulkAccessRequest request, OrganizationAccess access, AppDbContext db,
        CollectionService service, EventLog events, CancellationToken ct)
    {
        var caller = await access.RequireMemberAsync(organizationId, ct);
        foreach (var id in request.CollectionIds.Distinct())
        {
            await LoadEditableAsync(organizationId, id, access, service, ct);
            var users = (await db.CollectionUsers.Where(a => a.CollectionId == id).ToListAsync(ct))
                .Select(a => new AccessSelection(a.OrganizationUserId, a.ReadOnly, a.HidePasswords, a.Manage))
                .Where(a => request.Users?.All(u => u.Id != a.Id) ?? true).Concat(request.Users ?? []).ToList();
            var groups = (await db.CollectionGroups.Where(a => a.CollectionId == id).ToListAsync(ct))
                .Select(a => new AccessSelection(a.GroupId, a.ReadOnly, a.HidePasswords, a.Manage))
                .Where(a => request.Groups?.All(g => g.Id != a.Id) ?? true).Concat(request.Groups ?? []).ToList();
            await service.SetAccessAsync(caller, id, users, groups, ct);
            events.Add(EventType.Collection_Updated, new EventSubject(CollectionId: id), caller);
        }
        await service.SaveAsync(organizationId, ct);
    }
}
