using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Providers.Assignments;

/// <summary>
/// Teams: a named set of technicians assigned to clients together. A team's members carry its clients' items;
/// changing a team makes its members before and after resync, and each client it gains or loses is an event per
/// member in both logs, as a direct assignment would be.
/// </summary>
public sealed class TeamService(AppDbContext db, Events.EventLog events, ProviderReach reach, TimeProvider time)
{
    public async Task<List<TeamResponse>> ListAsync(Guid providerId, CancellationToken ct)
    {
        var teams = await db.ProviderTeams.Where(t => t.ProviderId == providerId).OrderBy(t => t.Name).ToListAsync(ct);
        var ids = teams.Select(t => t.Id).ToList();
        var users = (await db.ProviderTeamUsers.Where(u => ids.Contains(u.TeamId)).ToListAsync(ct)).ToLookup(u => u.TeamId, u => u.ProviderUserId);
        var clients = (await (from c in db.ProviderTeamClients
                              where ids.Contains(c.TeamId)
                              join l in db.ProviderOrganizations on c.ProviderOrganizationId equals l.Id
                              select new { c.TeamId, l.OrganizationId }).ToListAsync(ct)).ToLookup(c => c.TeamId, c => c.OrganizationId);
        return [.. teams.Select(t => new TeamResponse(t.Id, t.Name, [.. users[t.Id].Order()], [.. clients[t.Id].Order()]))];
    }

    /// <summary>Creates the team (<paramref name="id"/> null) or replaces its name, members and clients.</summary>
    public async Task<TeamResponse> SaveAsync(Guid providerId, Guid? id, TeamRequest request, CancellationToken ct)
    {
        var team = id is null ? null : await db.ProviderTeams.SingleOrDefaultAsync(t => t.Id == id && t.ProviderId == providerId, ct) ?? throw new NotFoundException();
        var userIds = request.ProviderUserIds.Distinct().ToList();
        var users = await db.ProviderUsers.Where(u => u.ProviderId == providerId && userIds.Contains(u.Id)).ToListAsync(ct);
        if (users.Count != userIds.Count)
        {
            throw BadRequestException.ForField("ProviderUserIds", "A user does not belong to this provider.");
        }
        var orgIds = request.OrganizationIds.Distinct().ToList();
        var links = await db.ProviderOrganizations.Where(l => l.ProviderId == providerId && orgIds.Contains(l.OrganizationId)).ToListAsync(ct);
        if (links.Count != orgIds.Count)
        {
            throw BadRequestException.ForField("OrganizationIds", "An organization is not a client of this provider.");
        }
        if (team is null)
        {
            team = new ProviderTeam { Id = Guid.CreateVersion7(), ProviderId = providerId, Name = request.Name };
            db.ProviderTeams.Add(team);
        }
        team.Name = request.Name.Trim();
        var before = await MembersAndClientsAsync(team.Id, ct);
        db.ProviderTeamUsers.RemoveRange(await db.ProviderTeamUsers.Where(u => u.TeamId == team.Id && !userIds.Contains(u.ProviderUserId)).ToListAsync(ct));
        db.ProviderTeamUsers.AddRange(users.Where(u => !before.Users.Any(b => b.Id == u.Id)).Select(u => new ProviderTeamUser { TeamId = team.Id, ProviderUserId = u.Id }));
        var linkIds = links.Select(l => l.Id).ToList();
        db.ProviderTeamClients.RemoveRange(await db.ProviderTeamClients.Where(c => c.TeamId == team.Id && !linkIds.Contains(c.ProviderOrganizationId)).ToListAsync(ct));
        db.ProviderTeamClients.AddRange(links.Where(l => !before.Clients.Any(b => b.Id == l.Id)).Select(l => new ProviderTeamClient { TeamId = team.Id, ProviderOrganizationId = l.Id }));
        await RecordAndSaveAsync(before, (users, links), ct);
        return (await ListAsync(providerId, ct)).Single(t => t.Id == team.Id);
    }

    public async Task DeleteAsync(Guid providerId, Guid id, CancellationToken ct)
    {
        var team = await db.ProviderTeams.SingleOrDefaultAsync(t => t.Id == id && t.ProviderId == providerId, ct) ?? throw new NotFoundException();
        var before = await MembersAndClientsAsync(id, ct);
        db.ProviderTeams.Remove(team);   // members and clients go with it (cascade)
        await RecordAndSaveAsync(before, ([], []), ct);
    }

    async Task<(List<ProviderUser> Users, List<ProviderOrganization> Clients)> MembersAndClientsAsync(Guid teamId, CancellationToken ct) =>
        (await (from tu in db.ProviderTeamUsers where tu.TeamId == teamId join u in db.ProviderUsers on tu.ProviderUserId equals u.Id select u).ToListAsync(ct),
         await (from tc in db.ProviderTeamClients where tc.TeamId == teamId join l in db.ProviderOrganizations on tc.ProviderOrganizationId equals l.Id select l).ToListAsync(ct));

    /// <summary>Each (member, client) pair the team gave or took is recorded; everyone in the team before or after resyncs.</summary>
    async Task RecordAndSaveAsync((List<ProviderUser> Users, List<ProviderOrganization> Clients) before,
        (List<ProviderUser> Users, List<ProviderOrganization> Clients) after, CancellationToken ct)
    {
        var was = before.Users.SelectMany(u => before.Clients.Select(c => (User: u, Client: c))).ToList();
        var now = after.Users.SelectMany(u => after.Clients.Select(c => (User: u, Client: c))).ToList();
        foreach (var (user, client) in now.Where(p => !was.Any(w => w.User.Id == p.User.Id && w.Client.Id == p.Client.Id)))
        {
            AccessEvents.Add(events, Events.EventType.ProviderAccess_Assigned, user.ProviderId, user.Id, user.UserId, client.OrganizationId);
        }
        foreach (var (user, client) in was.Where(p => !now.Any(w => w.User.Id == p.User.Id && w.Client.Id == p.Client.Id)))
        {
            AccessEvents.Add(events, Events.EventType.ProviderAccess_Unassigned, user.ProviderId, user.Id, user.UserId, client.OrganizationId);
        }
        await OrganizationRevision.SaveAndBumpUsersAsync(db, [.. before.Users.Concat(after.Users).Select(u => u.UserId).OfType<Guid>().Distinct()], time, ct);
        reach.Forget();
    }
}
