using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.PublicApi;

/// <summary><c>/api/public/groups</c>: groups with their collection access, and their member ids apart.</summary>
public static class PublicGroupEndpoints
{
    public static void MapPublicGroupEndpoints(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups");
        groups.MapGet("", List);
        groups.MapGet("/{id:guid}", Get);
        groups.MapGet("/{id:guid}/member-ids", async (Guid id, PublicApiAccess access, AppDbContext db, CancellationToken ct) =>
        {
            await LoadAsync(await access.RequireAsync(ct), id, db, ct);
            return await db.GroupUsers.Where(u => u.GroupId == id).Select(u => u.OrganizationUserId).ToListAsync(ct);
        });
        groups.MapPost("", (PublicGroupRequest request, PublicApiAccess access, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct) =>
            SaveAsync(null, request, access, db, events, time, ct));
        groups.MapPut("/{id:guid}", (Guid id, PublicGroupRequest request, PublicApiAccess access, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct) =>
            SaveAsync(id, request, access, db, events, time, ct));
        groups.MapPut("/{id:guid}/member-ids", SetMembers);
        groups.MapDelete("/{id:guid}", Delete);
    }

    static async Task<ListResponse<PublicGroupResponse>> List(PublicApiAccess access, AppDbContext db, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var groups = await db.Groups.Where(g => g.OrganizationId == caller.OrganizationId).OrderBy(g => g.Name).ToListAsync(ct);
        return new(await ShapeAsync(db, groups, ct));
    }

    static async Task<PublicGroupResponse> Get(Guid id, PublicApiAccess access, AppDbContext db, CancellationToken ct) =>
        (await ShapeAsync(db, [await LoadAsync(await access.RequireAsync(ct), id, db, ct)], ct)).Single();

    static async Task<PublicGroupResponse> SaveAsync(Guid? id, PublicGroupRequest request, PublicApiAccess access, AppDbContext db,
        EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var group = id is { } existing ? await LoadAsync(caller, existing, db, ct)
            : db.Groups.Add(new Group { Id = Guid.CreateVersion7(), OrganizationId = caller.OrganizationId, Name = request.Name, CreationDate = time.GetUtcNow().UtcDateTime }).Entity;
        group.Name = request.Name;
        group.ExternalId = request.ExternalId;
        await GroupEndpoints.SetMembersAndAccessAsync(caller, group,
            new GroupRequest(request.Name, request.ExternalId, [.. (request.Collections ?? []).Select(c => c.ToSelection())], null), db, ct);
        events.Add(id is null ? EventType.Group_Created : EventType.Group_Updated, new EventSubject(GroupId: group.Id), caller);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, caller.OrganizationId, time, ct);
        return (await ShapeAsync(db, [group], ct)).Single();
    }

    static async Task SetMembers(Guid id, PublicMemberIdsRequest request, PublicApiAccess access, AppDbContext db, EventLog events,
        TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var group = await LoadAsync(caller, id, db, ct);
        await GroupEndpoints.SetMembersAndAccessAsync(caller, group, new GroupRequest(group.Name, group.ExternalId, null, request.MemberIds), db, ct);
        events.Add(EventType.Group_Updated, new EventSubject(GroupId: id), caller);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, caller.OrganizationId, time, ct);
    }

    static async Task Delete(Guid id, PublicApiAccess access, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        db.Groups.Remove(await LoadAsync(caller, id, db, ct));
        events.Add(EventType.Group_Deleted, new EventSubject(GroupId: id), caller);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, caller.OrganizationId, time, ct);
    }

    static async Task<Group> LoadAsync(OrgCaller caller, Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Groups.SingleOrDefaultAsync(g => g.Id == id && g.OrganizationId == caller.OrganizationId, ct) ?? throw new NotFoundException();

    static async Task<List<PublicGroupResponse>> ShapeAsync(AppDbContext db, IReadOnlyList<Group> groups, CancellationToken ct)
    {
        var ids = groups.Select(g => g.Id).ToList();
        var access = (await db.CollectionGroups.Where(a => ids.Contains(a.GroupId)).ToListAsync(ct)).ToLookup(a => a.GroupId);
        return [.. groups.Select(g => new PublicGroupResponse(g.Id, g.Name, g.ExternalId,
            [.. access[g.Id].Select(a => PublicAccess.From(a.CollectionId, a.ReadOnly, a.HidePasswords, a.Manage))]))];
    }
}
