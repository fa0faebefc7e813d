using Custodian.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

public static class OwnershipQueries
{
    /// <summary>True when deleting the user would leave some organization without a confirmed owner.</summary>
    public static Task<bool> IsSoleOwnerAnywhereAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        db.OrganizationUsers
            .Where(m => m.UserId == userId && m.Type == OrganizationUserType.Owner && m.Status == OrganizationUserStatus.Confirmed)
            .AnyAsync(m => !db.OrganizationUsers.Any(o => o.OrganizationId == m.OrganizationId && o.Id != m.Id
                && o.Type == OrganizationUserType.Owner && o.Status == OrganizationUserStatus.Confirmed), ct);
}
