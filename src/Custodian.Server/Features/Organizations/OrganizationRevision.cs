using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// Org-wide changes (collections, org items, settings) make every member of the org resync, and every user of the
/// provider that administers it: their vaults hold the client's collections and items too.
/// </summary>
public static class OrganizationRevision
{
    public static Task SaveAndBumpMembersAsync(AppDbContext db, Guid organizationId, TimeProvider time, CancellationToken ct) =>
        SaveAndBumpMembersAsync(db, [organizationId], time, ct);

    public static Task SaveAndBumpMembersAsync(AppDbContext db, IReadOnlyCollection<Guid> organizationIds, TimeProvider time, CancellationToken ct)
    {
        var members = db.OrganizationUsers.Where(m => organizationIds.Contains(m.OrganizationId) && m.UserId != null).Select(m => m.UserId!.Value);
        var providerUsers = from l in db.ProviderOrganizations
                            where organizationIds.Contains(l.OrganizationId)
                            join u in db.ProviderUsers on l.ProviderId equals u.ProviderId
                            where u.UserId != null
                            select u.UserId!.Value;
        return Accounts.AccountRevision.SaveAndBumpAsync(db, Accounts.AccountRevision.UsersWithIds(db, members.Concat(providerUsers)), time, ct);
    }
}
