using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Providers;
using Custodian.Server.Infrastructure.Data;

namespace Custodian.Server.Features.Organizations;

/// <summary>What an org change alters in the vaults that hold the org.</summary>
public enum OrgChange
{
    /// <summary>Items, collections, access or item rules: those who carry the org's items resync.</summary>
    Items,
    /// <summary>The org as the profile lists it (name, enabled, existence): every provider user too, carrying or not.</summary>
    Profile,
}

/// <summary>
/// The one place that decides who must resync after a shared change: the org's members, the provider users who
/// carry its items (assigned, through a team, or under a live grant; <see cref="ProviderAccess.Carriers"/>), and for
/// profile changes every user of its provider. Bumps run in the change's own transaction (<see cref="AccountRevision"/>).
/// </summary>
public static class OrganizationRevision
{
    /// <summary>The accounts that hold <paramref name="organizationIds"/>' data and must resync after <paramref name="change"/>.</summary>
    /// <remarks>Public for features that tell those users about the change (notifications).</remarks>
    public static IQueryable<Guid> WhoMustResync(AppDbContext db, IReadOnlyCollection<Guid> organizationIds, DateTime now, OrgChange change = OrgChange.Items)
    {
        var members = db.OrganizationUsers.Where(m => organizationIds.Contains(m.OrganizationId) && m.UserId != null).Select(m => m.UserId!.Value);
        var providerUsers = change == OrgChange.Items
            ? ProviderAccess.Carriers(db, organizationIds, now)
            : from l in db.ProviderOrganizations
              where organizationIds.Contains(l.OrganizationId)
              join u in db.ProviderUsers on l.ProviderId equals u.ProviderId
              where u.UserId != null
              select u.UserId!.Value;
        return members.Concat(providerUsers);
    }

    public static Task SaveAndBumpMembersAsync(AppDbContext db, Guid organizationId, TimeProvider time, CancellationToken ct,
        OrgChange change = OrgChange.Items) =>
        SaveAndBumpMembersAsync(db, [organizationId], time, ct, change);

    public static Task SaveAndBumpMembersAsync(AppDbContext db, IReadOnlyCollection<Guid> organizationIds, TimeProvider time, CancellationToken ct,
        OrgChange change = OrgChange.Items) =>
        SaveAndBumpUsersAsync(db, WhoMustResync(db, organizationIds, time.GetUtcNow().UtcDateTime, change), time, ct);

    /// <summary>A change to the provider itself (its clients, keys, settings): all its users, and the members of <paramref name="organizationId"/>.</summary>
    public static Task SaveAndBumpProviderAsync(AppDbContext db, Guid providerId, TimeProvider time, CancellationToken ct, Guid? organizationId = null) =>
        SaveAndBumpUsersAsync(db, ProviderAccess.UsersOf(db, providerId)
            .Concat(db.OrganizationUsers.Where(m => m.OrganizationId == organizationId && m.UserId != null).Select(m => m.UserId!.Value)), time, ct);

    /// <summary>Named accounts, e.g. the technicians an assignment or grant just gave or took a client's items.</summary>
    public static Task SaveAndBumpUsersAsync(AppDbContext db, IQueryable<Guid> userIds, TimeProvider time, CancellationToken ct) =>
        AccountRevision.SaveAndBumpAsync(db, AccountRevision.UsersWithIds(db, userIds), time, ct);

    public static Task SaveAndBumpUsersAsync(AppDbContext db, IReadOnlyCollection<Guid> userIds, TimeProvider time, CancellationToken ct) =>
        AccountRevision.SaveAndBumpAsync(db, db.Users.Where(u => userIds.Contains(u.Id)), time, ct);
}
