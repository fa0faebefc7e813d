using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Scim;

/// <summary><c>/Groups</c>: the org's groups, with membership set by member id (the SCIM user id).</summary>
public static class ScimGroupEndpoints
{
    public static void MapScimGroupEndpoints(this RouteGroupBuilder scim)
    {
        var groups = scim.MapGroup("/Groups");
        groups.MapGet("", List);
        groups.MapGet("/{id:guid}", async (Guid id, ScimCaller scimCaller, AppDbContext db, CancellationToken ct) =>
            Results.Json(From(await LoadAsync(scimCaller, id, db, ct))));
        groups.MapPost("", async (ScimGroupRequest request, ScimCaller scimCaller, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct) =>
        {
            var caller = scimCaller.Caller;
            var name = ValidName(request.DisplayName);
            if (await db.Groups.AnyAsync(g => g.OrganizationId == caller.OrganizationId && ((request.ExternalId != null && g.ExternalId == request.ExternalId) || g.Name == name), ct))
            {
                return ScimSetup.Error(409, "Group already exists.");
            }
            var group = db.Groups.Add(new Group { Id = Guid.CreateVersion7(), OrganizationId = caller.OrganizationId, Name = name,
                ExternalId = request.ExternalId ?? name, CreationDate = time.GetUtcNow().UtcDateTime }).Entity;
            await SetMembersAsync(caller, group, Ids(request.Members), db, ct);
            events.Add(EventType.Group_Created, new EventSubject(GroupId: group.Id), caller);
            await OrganizationRevision.SaveAndBumpMembersAsync(db, caller.OrganizationId, time, ct);
            return Results.Json(From(group), statusCode: 201);
        });
        groups.MapPut("/{id:guid}", async (Guid id, ScimGroupRequest request, ScimCaller scimCaller, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct) =>
        {
            var group = await LoadAsync(scimCaller, id, db, ct);
            group.Name = ValidName(request.DisplayName);
            await SetMembersAsync(scimCaller.Caller, group, Ids(request.Members), db, ct);
            events.Add(EventType.Group_Updated, new EventSubject(GroupId: id), scimCaller.Caller);
            await OrganizationRevision.SaveAndBumpMembersAsync(db, scimCaller.Caller.OrganizationId, time, ct);
            return Results.Json(From(group));
        });
        groups.MapPatch("/{id:guid}", Patch);
        groups.MapDelete("/{id:guid}", async (Guid id, ScimCaller scimCaller, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct) =>
        {
            db.Groups.Remove(await LoadAsync(scimCaller, id, db, ct));
            events.Add(EventType.Group_Deleted, new EventSubject(GroupId: id), scimCaller.Caller);
            await OrganizationRevision.SaveAndBumpMembersAsync(db, scimCaller.Caller.OrganizationId, time, ct);
            return Results.NoContent();
        });
    }

    static async Task<IResult> List(string? filter, int? startIndex, int? count, ScimCaller scimCaller, AppDbContext db, CancellationToken ct)
    {
        var rows = db.Groups.Where(g => g.OrganizationId == scimCaller.Caller.OrganizationId);
        if (filter is not null)
        {
            var match = ScimUserEndpoints.EqualsFilter().Match(filter);
            var value = match.Groups[2].Value;
            rows = match.Success && match.Groups[1].Value.Equals("displayName", StringComparison.OrdinalIgnoreCase) ? rows.Where(g => g.Name == value)
                : match.Success && match.Groups[1].Value.Equals("externalId", StringComparison.OrdinalIgnoreCase) ? rows.Where(g => g.ExternalId == value)
                : throw new BadRequestException("Only displayName eq and externalId eq filters are supported.");
        }
        var (start, take) = (Math.Max(1, startIndex ?? 1), Math.Clamp(count ?? 50, 0, 1000));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(g => g.Id).Skip(start - 1).Take(take).ToListAsync(ct);
        return Results.Json(new ScimList<ScimGroupResponse>(total, start, page.Count, [.. page.Select(From)]));
    }

    /// <summary>
    /// The operations both IdPs send: add/remove <c>members</c> with values (Okta, Entra), remove by
    /// <c>members[value eq "id"]</c> (Okta), replace <c>members</c>, replace <c>displayName</c> or <c>externalId</c> by
    /// path or in a value object. Other attributes (<c>id</c>, <c>schemas</c>) are read and left.
    /// </summary>
    static async Task<IResult> Patch(Guid id, ScimPatchRequest request, ScimCaller scimCaller, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = scimCaller.Caller;
        var changes = ScimPatch.Changes(request);
        var group = await LoadAsync(scimCaller, id, db, ct);
        var current = (await db.GroupUsers.Where(u => u.GroupId == id).Select(u => u.OrganizationUserId).ToListAsync(ct)).ToHashSet();
        foreach (var change in changes)
        {
            if (change.Is("members"))
            {
                ChangeMembers(current, change);
            }
            else if (ScimPatch.FilteredMember(change.Path) is { } member)
            {
                _ = change.Op == "remove" ? current.Remove(member) : throw new ScimException("invalidPath", "A member filter can only be removed.");
            }
            else if (change.Is("displayName"))
            {
                group.Name = change.Op == "remove" ? throw new ScimException("mutability", "A group needs a displayName.") : ValidName(ScimPatch.Text(change, 100));
            }
            else if (change.Is("externalId"))
            {
                group.ExternalId = change.Op == "remove" ? null : ScimPatch.Text(change, 300);
            }
        }
        await SetMembersAsync(caller, group, [.. current], db, ct);
        events.Add(EventType.Group_Updated, new EventSubject(GroupId: id), caller);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, caller.OrganizationId, time, ct);
        return Results.NoContent();
    }

    static void ChangeMembers(HashSet<Guid> current, ScimChange change)
    {
        if (change.Op == "remove" && change.Value is null)
        {
            current.Clear();   // RFC 7644 §3.5.2.2: removing the attribute without a value empties it
            return;
        }
        var ids = ScimPatch.Ids(change.Value);
        if (change.Op == "replace")
        {
            current.Clear();
        }
        if (change.Op == "remove")
        {
            current.ExceptWith(ids);
        }
        else
        {
            current.UnionWith(ids);
        }
    }

    static IReadOnlyList<Guid> Ids(IReadOnlyList<ScimMemberRef>? members) =>
        [.. (members ?? []).Select(m => Guid.TryParse(m.Value, out var id) ? id : throw new BadRequestException("Member values must be user ids."))];

    static string ValidName(string? name) => string.IsNullOrWhiteSpace(name) || name.Length > 100
        ? throw new BadRequestException("displayName is required (100 characters at most).") : name;

    static Task SetMembersAsync(OrgCaller caller, Group group, IReadOnlyList<Guid> memberIds, AppDbContext db, CancellationToken ct) =>
        GroupEndpoints.SetMembersAndAccessAsync(caller, group, new GroupRequest(group.Name, group.ExternalId, null, memberIds), db, ct);

    static async Task<Group> LoadAsync(ScimCaller scimCaller, Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Groups.SingleOrDefaultAsync(g => g.Id == id && g.OrganizationId == scimCaller.Caller.OrganizationId, ct)
            ?? throw new NotFoundException("Group not found.");

    static ScimGroupResponse From(Group g) => new(g.Id, g.Name, g.ExternalId, new ScimMeta("Group"));
}
