using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Org-wide changes (collections, org items, settings) make every member of the org resync.</summary>
public static class OrganizationRevision
{
    public static Task SaveAndBumpMembersAsync(AppDbContext db, Guid organizationId, TimeProvider time, CancellationToken ct) =>
        SaveAndBumpMembersAsync(db, [organizationId], time, ct);

    public static Task SaveAndBumpMembersAsync(AppDbContext db, IReadOnlyCollection<Guid> organizationIds, TimeProvider time, CancellationToken ct) =>
        Accounts.AccountRevision.SaveAndBumpAsync(db, Accounts.AccountRevision.UsersWithIds(db,
            db.OrganizationUsers.Where(m => organizationIds.Contains(m.OrganizationId) && m.UserId != null).Select(m => m.UserId!.Value)), time, ct);
}
