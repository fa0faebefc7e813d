using Custodian.Server.Features.Providers.Assignments;
using Custodian.Server.Infrastructure.Data;

namespace Custodian.Server.Features.Providers;

/// <summary>
/// Who reaches which client orgs through a provider, as database queries. Two reaches: every confirmed user of an
/// enabled provider administers every client linked to it (<see cref="ClientOrgIds"/>), while a client's items are
/// carried only by its assigned technicians (directly or through a team) and those holding a live time-boxed grant
/// (<see cref="CarriedOrgIds"/>). Both need two-step login when the provider requires it. Always asked of the
/// database, so removal, unassignment, revocation and expiry take effect on the next request. docs/access.md tells
/// the whole story.
/// </summary>
public static class ProviderAccess
{
    public static IQueryable<ProviderUser> ActiveUsers(AppDbContext db, Guid userId) =>
        db.ProviderUsers.Where(u => u.UserId == userId && u.Status == ProviderUserStatusType.Confirmed
            && db.Providers.Any(p => p.Id == u.ProviderId && p.Enabled
                && (!p.RequireTwoFactor || db.TwoFactorMethods.Any(t => t.UserId == userId && t.Enabled))));

    /// <summary>The client orgs <paramref name="userId"/> administers through a provider.</summary>
    /// <remarks>A join from the user's provider rows, not a correlated EXISTS: SQLite does not flatten the latter and
    /// would test every client link of every provider on each sync.</remarks>
    public static IQueryable<Guid> ClientOrgIds(AppDbContext db, Guid userId) =>
        from u in ActiveUsers(db, userId)
        join l in db.ProviderOrganizations on u.ProviderId equals l.ProviderId
        select l.OrganizationId;

    /// <summary>The provider through which <paramref name="userId"/> reaches the org, if any.</summary>
    public static IQueryable<Guid> ProviderIdFor(AppDbContext db, Guid userId, Guid organizationId) =>
        db.ProviderOrganizations.Where(l => l.OrganizationId == organizationId && ActiveUsers(db, userId).Any(u => u.ProviderId == l.ProviderId))
            .Select(l => l.ProviderId);

    /// <summary>
    /// The client orgs whose items <paramref name="userId"/> carries at <paramref name="now"/>, each with the grant it
    /// comes through when that grant was never used yet (so its first use can be recorded). An org may come twice.
    /// </summary>
    public static IQueryable<CarriedOrg> CarriedOrgIds(AppDbContext db, Guid userId, DateTime now)
    {
        var users = ActiveUsers(db, userId);
        var assigned = from u in users
                       join a in db.ProviderAssignments on u.Id equals a.ProviderUserId
                       join l in db.ProviderOrganizations on a.ProviderOrganizationId equals l.Id
                       select new CarriedOrg { OrganizationId = l.OrganizationId, UnusedGrantId = null };
        var viaTeams = from u in users
                       join tu in db.ProviderTeamUsers on u.Id equals tu.ProviderUserId
                       join tc in db.ProviderTeamClients on tu.TeamId equals tc.TeamId
                       join l in db.ProviderOrganizations on tc.ProviderOrganizationId equals l.Id
                       select new CarriedOrg { OrganizationId = l.OrganizationId, UnusedGrantId = null };
        // A grant counts only while its client is still linked to the provider that granted it.
        var granted = from u in users
                      join g in db.ProviderAccessGrants on u.Id equals g.ProviderUserId
                      where g.Status == AccessGrantStatus.Approved && g.ExpiresAt > now
                      join l in db.ProviderOrganizations on new { g.ProviderId, g.OrganizationId } equals new { l.ProviderId, l.OrganizationId }
                      select new CarriedOrg { OrganizationId = l.OrganizationId, UnusedGrantId = g.FirstUsedAt == null ? g.Id : null };
        return assigned.Concat(viaTeams).Concat(granted);
    }

    /// <summary>The accounts that carry items of <paramref name="organizationIds"/> through a provider at <paramref name="now"/>.</summary>
    public static IQueryable<Guid> Carriers(AppDbContext db, IReadOnlyCollection<Guid> organizationIds, DateTime now)
    {
        var links = db.ProviderOrganizations.Where(l => organizationIds.Contains(l.OrganizationId));
        var assigned = from l in links
                       join a in db.ProviderAssignments on l.Id equals a.ProviderOrganizationId
                       join u in db.ProviderUsers on a.ProviderUserId equals u.Id
                       select u.UserId;
        var viaTeams = from l in links
                       join tc in db.ProviderTeamClients on l.Id equals tc.ProviderOrganizationId
                       join tu in db.ProviderTeamUsers on tc.TeamId equals tu.TeamId
                       join u in db.ProviderUsers on tu.ProviderUserId equals u.Id
                       select u.UserId;
        var granted = from g in db.ProviderAccessGrants
                      where organizationIds.Contains(g.OrganizationId) && g.Status == AccessGrantStatus.Approved && g.ExpiresAt > now
                      join u in db.ProviderUsers on g.ProviderUserId equals u.Id
                      select u.UserId;
        return assigned.Concat(viaTeams).Concat(granted).Where(id => id != null).Select(id => id!.Value);
    }

    /// <summary>Every account of a provider's users: a change to the provider itself reaches all of them.</summary>
    public static IQueryable<Guid> UsersOf(AppDbContext db, Guid providerId) =>
        db.ProviderUsers.Where(p => p.ProviderId == providerId && p.UserId != null).Select(p => p.UserId!.Value);
}

/// <summary>One way a technician carries a client's items.</summary>
public sealed class CarriedOrg
{
    public Guid OrganizationId { get; init; }
    public Guid? UnusedGrantId { get; init; }
}
