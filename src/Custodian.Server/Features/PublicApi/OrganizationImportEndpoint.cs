using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.PublicApi;

/// <summary>
/// <c>POST /api/public/organization/import</c>, what Bitwarden Directory Connector posts on each sync: members and
/// groups keyed by the directory's external ids. New addresses are invited, known ones linked by external id (or by
/// email, the first time), deleted ones removed, and each group's membership set to the members it names. With
/// <c>overwriteExisting</c>, synced members and groups the directory no longer lists are removed. Owners are never
/// removed by a sync. Whatever the size, the org is read in a few queries and written in one save.
/// </summary>
public static class OrganizationImportEndpoint
{
    public const int MaxWithoutLargeImport = 2000;

    public static void MapOrganizationImportEndpoint(this RouteGroupBuilder api) =>
        api.MapPost("/organization/import", Import).WithTags("Organization");

    static async Task Import(OrganizationImportRequest request, PublicApiAccess access, AppDbContext db, MemberService members,
        EventLog events, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var (imported, groups) = (request.Members ?? [], request.Groups ?? []);
        if (!request.LargeImport && imported.Count + groups.Count > MaxWithoutLargeImport)
        {
            throw new BadRequestException("You cannot import this much data at once.");
        }
        if (imported.FirstOrDefault(m => !m.Deleted && string.IsNullOrWhiteSpace(m.Email)) is { } noEmail)
        {
            throw BadRequestException.ForField("Members.Email", $"Email is required for enabled members ({noEmail.ExternalId}).");
        }
        var orgId = caller.OrganizationId;
        var existing = await (from m in db.OrganizationUsers
                              where m.OrganizationId == orgId
                              from u in db.Users.Where(u => u.Id == m.UserId).DefaultIfEmpty()
                              select new { Member = m, Email = u != null ? u.Email : m.Email }).ToListAsync(ct);
        var byExternalId = existing.Where(e => e.Member.ExternalId != null).DistinctBy(e => e.Member.ExternalId).ToDictionary(e => e.Member.ExternalId!, e => e.Member);
        var byEmail = existing.Where(e => e.Email != null).DistinctBy(e => e.Email).ToDictionary(e => e.Email!, e => e.Member);
        var removed = new HashSet<Guid>();
        void Remove(OrganizationUser member)
        {
            if (member.Type != OrganizationUserType.Owner && removed.Add(member.Id))
            {
                db.OrganizationUsers.Remove(member);
                members.Record(EventType.OrganizationUser_Removed, caller, member);
            }
        }

        foreach (var gone in imported.Where(m => m.Deleted))
        {
            if (byExternalId.GetValueOrDefault(gone.ExternalId) is { } member)
            {
                Remove(member);
            }
        }
        var invited = new List<OrganizationUser>();
        foreach (var entry in imported.Where(m => !m.Deleted).DistinctBy(m => m.ExternalId))
        {
            var email = entry.Email!.Trim().ToLowerInvariant();
            if (byExternalId.ContainsKey(entry.ExternalId))
            {
                continue;
            }
            if (byEmail.GetValueOrDefault(email) is { } known)
            {
                known.ExternalId ??= entry.ExternalId;
                byExternalId.TryAdd(known.ExternalId, known);
                continue;
            }
            var member = MemberService.NewInvitation(caller, email, OrganizationUserType.User, null, time);
            member.ExternalId = entry.ExternalId;
            db.OrganizationUsers.Add(member);
            members.Record(EventType.OrganizationUser_Invited, caller, member);
            byExternalId[entry.ExternalId] = byEmail[email] = member;
            invited.Add(member);
        }
        if (request.OverwriteExisting == true)
        {
            var listed = imported.Where(m => !m.Deleted).Select(m => m.ExternalId).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in existing.Where(e => e.Member.ExternalId is { } id && !listed.Contains(id)))
            {
                Remove(stale.Member);
            }
        }
        await members.EnsureSeatAvailableAsync(caller.Organization, invited.Count - removed.Count, ct);
        await SyncGroupsAsync(caller, groups, byExternalId, removed, request.OverwriteExisting == true, db, events, time, ct);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, orgId, time, ct);
        foreach (var member in invited)
        {
            await members.SendInviteAsync(caller.Organization, member, ct);
        }
    }

    static async Task SyncGroupsAsync(OrgCaller caller, IReadOnlyList<ImportedGroup> imported, Dictionary<string, OrganizationUser> membersByExternalId,
        HashSet<Guid> removed, bool overwrite, AppDbContext db, EventLog events, TimeProvider time, CancellationToken ct)
    {
        var orgId = caller.OrganizationId;
        var existing = await db.Groups.Where(g => g.OrganizationId == orgId).ToListAsync(ct);
        var byExternalId = existing.Where(g => g.ExternalId != null).DistinctBy(g => g.ExternalId).ToDictionary(g => g.ExternalId!);
        var links = (await db.GroupUsers.Where(u => db.Groups.Any(g => g.Id == u.GroupId && g.OrganizationId == orgId)).ToListAsync(ct))
            .ToLookup(u => u.GroupId);
        foreach (var entry in imported.DistinctBy(g => g.ExternalId))
        {
            if (!byExternalId.TryGetValue(entry.ExternalId, out var group))
            {
                group = new Group { Id = Guid.CreateVersion7(), OrganizationId = orgId, Name = entry.Name, ExternalId = entry.ExternalId, CreationDate = time.GetUtcNow().UtcDateTime };
                db.Groups.Add(group);
                events.Add(EventType.Group_Created, new EventSubject(GroupId: group.Id), caller);
            }
            else if (group.Name != entry.Name)
            {
                group.Name = entry.Name;
                events.Add(EventType.Group_Updated, new EventSubject(GroupId: group.Id), caller);
            }
            var wanted = (entry.MemberExternalIds ?? []).Select(id => membersByExternalId.GetValueOrDefault(id))
                .Where(m => m is not null && !removed.Contains(m.Id)).Select(m => m!.Id).ToHashSet();
            var current = links[group.Id].ToList();
            db.GroupUsers.RemoveRange(current.Where(u => !wanted.Contains(u.OrganizationUserId)));
            db.GroupUsers.AddRange(wanted.Except(current.Select(u => u.OrganizationUserId))
                .Select(memberId => new GroupUser { GroupId = group.Id, OrganizationUserId = memberId }));
        }
        if (overwrite)
        {
            var listed = imported.Select(g => g.ExternalId).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in existing.Where(g => g.ExternalId is { } id && !listed.Contains(id)))
            {
                db.Groups.Remove(stale);
                events.Add(EventType.Group_Deleted, new EventSubject(GroupId: stale.Id), caller);
            }
        }
    }
}
