using System.ComponentModel.DataAnnotations;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

public sealed record GroupRequest(
    [property: Required, StringLength(100)] string Name,
    [property: StringLength(300)] string? ExternalId,
    [property: MaxLength(2000)] IReadOnlyList<AccessSelection>? Collections,
    [property: MaxLength(5000)] IReadOnlyList<Guid>? Users) : IRequestModel;

public sealed record GroupResponse(Guid Id, Guid OrganizationId, string Name, string? ExternalId) : ResponseModel("group");

public sealed record GroupDetailsResponse(Guid Id, Guid OrganizationId, string Name, string? ExternalId,
    IReadOnlyList<AccessSelection> Collections) : ResponseModel("groupDetails");

/// <summary>Groups: members given collection access together. Names are plaintext, as in Bitwarden.</summary>
public static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/organizations/{organizationId:guid}/groups").WithTags("Groups");
        groups.MapGet("", async (Guid organizationId, OrganizationAccess access, AppDbContext db, CancellationToken ct) =>
            new ListResponse<GroupResponse>([.. (await ListAsync(organizationId, access, db, ct)).Select(g => new GroupResponse(g.Id, g.OrganizationId, g.Name, g.ExternalId))]));
        groups.MapGet("/details", async (Guid organizationId, OrganizationAccess access, AppDbContext db, CancellationToken ct) =>
            new ListResponse<GroupDetailsResponse>(await DetailsAsync(db, await ListAsync(organizationId, access, db, ct), ct)));
        groups.MapGet("/{id:guid}", async (Guid organizationId, Guid id, OrganizationAccess access, AppDbContext db, CancellationToken ct) =>
        {
            var g = await LoadAsync(organizationId, id, ReadGroups, access, db, ct);
            return new GroupResponse(g.Id, g.OrganizationId, g.Name, g.ExternalId);
        });
        groups.MapGet("/{id:guid}/details", async (Guid organizationId, Guid id, OrganizationAccess access, AppDbContext db, CancellationToken ct) =>
            (await DetailsAsync(db, [await LoadAsync(organizationId, id, ReadGroups, access, db, ct)], ct)).Single());
        groups.MapGet("/{id:guid}/users", async (Guid organizationId, Guid id, OrganizationAccess access, AppDbContext db, CancellationToken ct) =>
        {
            await LoadAsync(organizationId, id, ReadGroups, access, db, ct);
            return await db.GroupUsers.Where(u => u.GroupId == id).Select(u => u.OrganizationUserId).ToListAsync(ct);
        });
        groups.MapPost("", Create);
        groups.MapPut("/{id:guid}", Update);
        groups.MapPost("/{id:guid}", Update); // legacy alias
        groups.MapDelete("/{id:guid}", (Guid organizationId, Guid id, OrganizationAccess access, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct) =>
            DeleteAsync(organizationId, [id], access, db, events, time, ct));
        groups.MapPost("/{id:guid}/delete", (Guid organizationId, Guid id, OrganizationAccess access, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct) =>
            DeleteAsync(organizationId, [id], access, db, events, time, ct)); // legacy alias
        groups.MapDelete("", (Guid organizationId, [FromBody] CollectionIdsRequest request, OrganizationAccess access, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct) =>
            DeleteAsync(organizationId, request.Ids, access, db, events, time, ct));
        return groups;
    }

    /// <summary>Reading groups is needed wherever access is assigned: member and collection managers too.</summary>
    static readonly Func<OrgCaller, bool> ReadGroups = c => c.Organization.UseGroups
        && (c.CanManageGroups || c.CanManageUsers || c.CanEditAnyCollection || c.CanCreateCollections);
    static readonly Func<OrgCaller, bool> ManageGroups = c => c.Organization.UseGroups && c.CanManageGroups;

    static async Task<List<Group>> ListAsync(Guid organizationId, OrganizationAccess access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(organizationId, ReadGroups, ct);
        return await db.Groups.Where(g => g.OrganizationId == organizationId).OrderBy(g => g.Name).ToListAsync(ct);
    }

    static async Task<Group> LoadAsync(Guid organizationId, Guid id, Func<OrgCaller, bool> allowed, OrganizationAccess access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(organizationId, allowed, ct);
        return await db.Groups.SingleOrDefaultAsync(g => g.Id == id && g.OrganizationId == organizationId, ct) ?? throw new NotFoundException();
    }

    static async Task<List<GroupDetailsResponse>> DetailsAsync(AppDbContext db, IReadOnlyList<Group> groups, CancellationToken ct)
    {
        var ids = groups.Select(g => g.Id).ToList();
        var access = (await db.CollectionGroups.Where(a => ids.Contains(a.GroupId)).ToListAsync(ct)).ToLookup(a => a.GroupId);
        return [.. groups.Select(g => new GroupDetailsResponse(g.Id, g.OrganizationId, g.Name, g.ExternalId,
            [.. access[g.Id].Select(a => new AccessSelection(a.CollectionId, a.ReadOnly, a.HidePasswords, a.Manage))]))];
    }

    static async Task<GroupDetailsResponse> Create(Guid organizationId, GroupRequest request, OrganizationAccess access, AppDbContext db,
        EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, ManageGroups, ct);
        var group = new Group { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Name = request.Name, ExternalId = request.ExternalId, CreationDate = time.GetUtcNow().UtcDateTime };
        db.Groups.Add(group);
        await SetMembersAndAccessAsync(caller, group, request, db, ct);
        events.Add(EventType.Group_Created, new EventSubject(GroupId: group.Id), caller);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, organizationId, time, ct);
        return (await DetailsAsync(db, [group], ct)).Single();
    }

    static async Task<GroupDetailsResponse> Update(Guid organizationId, Guid id, GroupRequest request, OrganizationAccess access, AppDbContext db,
        EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, ManageGroups, ct);
        var group = await LoadAsync(organizationId, id, ManageGroups, access, db, ct);
        group.Name = request.Name;
        group.ExternalId = request.ExternalId;
        await SetMembersAndAccessAsync(caller, group, request, db, ct);
        events.Add(EventType.Group_Updated, new EventSubject(GroupId: id), caller);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, organizationId, time, ct);
        return (await DetailsAsync(db, [group], ct)).Single();
    }

    /// <summary>Collections and members named must be the org's own; null lists leave the current ones alone.</summary>
    internal static async Task SetMembersAndAccessAsync(OrgCaller caller, Group group, GroupRequest request, AppDbContext db, CancellationToken ct)
    {
        if (request.Collections is { } collections)
        {
            var ids = collections.Select(c => c.Id).Distinct().ToList();
            if (await db.Collections.CountAsync(c => c.OrganizationId == caller.OrganizationId && ids.Contains(c.Id), ct) != ids.Count)
            {
                throw BadRequestException.ForField("Collections", "A collection does not belong to this organization.");
            }
            CollectionService.Replace(db.CollectionGroups, await db.CollectionGroups.Where(a => a.GroupId == group.Id).ToListAsync(ct),
                collections, a => a.CollectionId, cid => new CollectionGroup { CollectionId = cid, GroupId = group.Id });
        }
        if (request.Users is { } users)
        {
            var ids = users.Distinct().ToList();
            if (await db.OrganizationUsers.CountAsync(m => m.OrganizationId == caller.OrganizationId && ids.Contains(m.Id), ct) != ids.Count)
            {
                throw BadRequestException.ForField("Users", "A member does not belong to this organization.");
            }
            var current = await db.GroupUsers.Where(u => u.GroupId == group.Id).ToListAsync(ct);
            db.GroupUsers.RemoveRange(current.Where(u => !ids.Contains(u.OrganizationUserId)));
            db.GroupUsers.AddRange(ids.Where(m => current.All(u => u.OrganizationUserId != m)).Select(m => new GroupUser { GroupId = group.Id, OrganizationUserId = m }));
        }
    }

    static async Task DeleteAsync(Guid organizationId, IReadOnlyList<Guid> ids, OrganizationAccess access, AppDbContext db, EventLog events,
        TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, ManageGroups, ct);
        var groups = await db.Groups.Where(g => g.OrganizationId == organizationId && ids.Contains(g.Id)).ToListAsync(ct);
        if (groups.Count != ids.Distinct().Count())
        {
            throw new NotFoundException();
        }
        db.Groups.RemoveRange(groups);
        groups.ForEach(g => events.Add(EventType.Group_Deleted, new EventSubject(GroupId: g.Id), caller));
        await OrganizationRevision.SaveAndBumpMembersAsync(db, organizationId, time, ct);
    }
}
