using Custodian.Server.Infrastructure.Data;

namespace Custodian.Server.Features.Providers;

/// <summary>
/// Who reaches which client orgs through a provider: confirmed provider users of an enabled provider, for every
/// org linked to it, provided they have two-step login when the provider requires it. Always asked of the database, so a removed user or an unlinked org loses access at once.
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
}
