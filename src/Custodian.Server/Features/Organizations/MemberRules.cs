using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Invariants on memberships that every route changing one must keep.</summary>
public static class MemberRules
{
    public const string LastOwnerMessage = "Organization must have at least one confirmed owner.";

    /// <summary>Removing, demoting, revoking or letting <paramref name="member"/> leave must keep a confirmed owner.</summary>
    public static async Task EnsureAnotherConfirmedOwnerAsync(AppDbContext db, OrganizationUser member, CancellationToken ct)
    {
        if (member.Type != OrganizationUserType.Owner || member.Status != OrganizationUserStatus.Confirmed)
        {
            return;
        }
        var others = await db.OrganizationUsers.CountAsync(m => m.OrganizationId == member.OrganizationId
            && m.Id != member.Id && m.Type == OrganizationUserType.Owner && m.Status == OrganizationUserStatus.Confirmed, ct);
        if (others == 0)
        {
            throw new BadRequestException(LastOwnerMessage);
        }
    }
}
