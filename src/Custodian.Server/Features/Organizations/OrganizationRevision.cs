using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Org-wide changes (collections, org items, settings) make every member of the org resync.</summary>
public static class OrganizationRevision
{
    public static Task SaveAndBumpMembersAsync(AppDbContext db, Guid organizationId, TimeProvider time, CancellationToken ct) =>
        SaveAndBumpMembersAsync(db, [organizationId], time, ct);

    public static Task SaveAndBumpMembersAsync(AppDbContext db, IReadOnlyCollection<Guid> organizationIds, TimeProvider time, CancellationToken ct) =>
        Accounts.AccountRevision.SaveAndBumpAsync(db,
            db.Users.Where(u => db.OrganizationUsers.Any(m => organizationIds.Contains(m.OrganizationId) && m.UserId == u.Id)), time, ct);
}
