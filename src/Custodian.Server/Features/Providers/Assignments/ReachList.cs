using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// Who reaches which client's items now, for people to read (Provider Portal, the client's Admin Console): the same
/// three ways as <see cref="ProviderAccess.CarriedOrgIds"/>, each row saying which.
/// </summary>
public static class ReachList
{
    public static async Task<List<ReachResponse>> ListAsync(AppDbContext db, Guid providerId, Guid? organizationId, Guid? providerUserId,
        DateTime now, CancellationToken ct)
    {
        var links = db.ProviderOrganizations.Where(l => l.ProviderId == providerId && (organizationId == null || l.OrganizationId == organizationId));
        var users = db.ProviderUsers.Where(u => u.ProviderId == providerId && (providerUserId == null || u.Id == providerUserId));
        var direct = await (from a in db.ProviderAssignments
                            join l in links on a.ProviderOrganizationId equals l.Id
                            join u in users on a.ProviderUserId equals u.Id
                            select new Row(u.Id, l.OrganizationId, "assigned", null, null, null, null)).ToListAsync(ct);
        var viaTeams = await (from tc in db.ProviderTeamClients
                              join l in links on tc.ProviderOrganizationId equals l.Id
                              join t in db.ProviderTeams on tc.TeamId equals t.Id
                              join tu in db.ProviderTeamUsers on t.Id equals tu.TeamId
                              join u in users on tu.ProviderUserId equals u.Id
                              select new Row(u.Id, l.OrganizationId, "team", t.Id, t.Name, null, null)).ToListAsync(ct);
        var granted = await (from g in db.ProviderAccessGrants
                             where g.Status == AccessGrantStatus.Approved && g.ExpiresAt > now
                             join l in links on new { g.ProviderId, g.OrganizationId } equals new { l.ProviderId, l.OrganizationId }
                             join u in users on g.ProviderUserId equals u.Id
                             select new Row(u.Id, l.OrganizationId, "grant", null, null, g.Id, g.ExpiresAt)).ToListAsync(ct);
        var rows = direct.Concat(viaTeams).Concat(granted).ToList();
        var userIds = rows.Select(r => r.ProviderUserId).Distinct().ToList();
        var orgIds = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var people = await (from u in db.ProviderUsers
                            where userIds.Contains(u.Id)
                            from a in db.Users.Where(a => a.Id == u.UserId).DefaultIfEmpty()
                            select new { u.Id, u.UserId, Email = a == null ? u.Email : a.Email, Name = a == null ? null : a.Name }).ToDictionaryAsync(p => p.Id, ct);
        var orgNames = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. rows.OrderBy(r => orgNames[r.OrganizationId]).ThenBy(r => people[r.ProviderUserId].Email).Select(r =>
        {
            var person = people[r.ProviderUserId];
            return new ReachResponse(r.ProviderUserId, person.UserId, person.Email, person.Name, r.OrganizationId, orgNames[r.OrganizationId],
                r.Via, r.TeamId, r.TeamName, r.GrantId, r.ExpiresAt);
        })];
    }

    sealed record Row(Guid ProviderUserId, Guid OrganizationId, string Via, Guid? TeamId, string? TeamName, Guid? GrantId, DateTime? ExpiresAt);
}
