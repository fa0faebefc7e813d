using System.Linq.Expressions;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Invariants on memberships that every route changing one must keep.</summary>
public static class MemberRules
{
    public const string LastOwnerMessage = "Organization must have at least one confirmed owner.";

    static readonly Expression<Func<OrganizationUser, bool>> IsConfirmedOwner =
        m => m.Type == OrganizationUserType.Owner && m.Status == OrganizationUserStatus.Confirmed;

    static readonly Func<OrganizationUser, bool> IsConfirmedOwnerRow = IsConfirmedOwner.Compile();

    /// <summary>Removing, demoting, revoking or letting <paramref name="member"/> leave must keep a confirmed owner.</summary>
    public static async Task EnsureAnotherConfirmedOwnerAsync(AppDbContext db, OrganizationUser member, CancellationToken ct)
    {
        if (!IsConfirmedOwnerRow(member))
        {
            return;
        }
        var others = await db.OrganizationUsers.Where(IsConfirmedOwner)
            .AnyAsync(m => m.OrganizationId == member.OrganizationId && m.Id != member.Id, ct);
        if (!others)
        {
            throw new BadRequestException(LastOwnerMessage);
        }
    }

    /// <summary>True when deleting the user would leave some organization without a confirmed owner.</summary>
    public static Task<bool> IsSoleOwnerAnywhereAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var owners = db.OrganizationUsers.Where(IsConfirmedOwner);
        return owners.Where(m => m.UserId == userId)
            .AnyAsync(m => !owners.Any(o => o.OrganizationId == m.OrganizationId && o.Id != m.Id), ct);
    }
}
