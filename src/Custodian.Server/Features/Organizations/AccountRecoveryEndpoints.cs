using Custodian.Server.Features.Accounts;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// The member routes of account recovery under <c>/organizations/{organizationId}/users</c>, as the web vault calls
/// them. Recovery is administration that needs no items, so every provider user of a client may do it (the MSP's
/// helpdesk), acting with an owner's rank and logged in both the client's and the provider's event log.
/// </summary>
public static class AccountRecoveryEndpoints
{
    public static void MapAccountRecoveryEndpoints(this RouteGroupBuilder users)
    {
        users.MapPut("/{userId:guid}/reset-password-enrollment", Enroll);
        users.MapGet("/{id:guid}/reset-password-details", Details);
        users.MapPost("/account-recovery-details", ManyDetails);
        users.MapPut("/{id:guid}/reset-password", Reset);
    }

    /// <summary><paramref name="userId"/> is the member's account id (Bitwarden's route), and must be the caller's.</summary>
    static async Task Enroll(Guid organizationId, Guid userId, ResetPasswordEnrollmentRequest request, AppDbContext db,
        CurrentUser caller, MasterPasswordHasher hasher, AccountRecovery recovery, CancellationToken ct)
    {
        var member = userId != caller.Id ? null : await db.OrganizationUsers.SingleOrDefaultAsync(
            m => m.OrganizationId == organizationId && m.UserId == userId
                && (m.Status == OrganizationUserStatus.Accepted || m.Status == OrganizationUserStatus.Confirmed), ct);
        if (member is null)
        {
            throw new NotFoundException();
        }
        if (request.ResetPasswordKey is not null)
        {
            hasher.Require(await AccountEndpoints.LoadAsync(db, caller, ct), request.MasterPasswordHash);
        }
        await recovery.SetEnrollmentAsync(member, request.ResetPasswordKey, ct);
        await db.SaveChangesAsync(ct);
    }

    static async Task<ResetPasswordDetailsResponse> Details(Guid organizationId, Guid id, OrganizationAccess access,
        AccountRecovery recovery, CurrentUser me, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanRecoverAccounts, ct);
        var (member, user) = await recovery.RecoverableAsync(caller, id, me.Id, ct);
        return DetailsOf(caller, member, user);
    }

    /// <summary>
    /// Bitwarden's bulk form of <see cref="Details"/>: the same access, and only the members the single route would
    /// answer for (enrolled, confirmed, within the caller's rank, policy on); the others are left out, not refused.
    /// </summary>
    static async Task<ListResponse<ResetPasswordDetailsResponse>> ManyDetails(Guid organizationId, MemberIdsRequest request,
        OrganizationAccess access, AccountRecovery recovery, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanRecoverAccounts, ct);
        if (!(await recovery.PolicyAsync(organizationId, ct)).Enabled)
        {
            return new([]);
        }
        var ids = request.Ids.Distinct().ToList();
        var rows = await (from m in db.OrganizationUsers
                          where m.OrganizationId == organizationId && ids.Contains(m.Id) && m.Status == OrganizationUserStatus.Confirmed
                              && m.ResetPasswordKey != null
                          join u in db.Users on m.UserId equals u.Id
                          select new { Member = m, User = u }).ToListAsync(ct);
        return new([.. rows.Where(r => AccountRecovery.Refusal(caller, r.Member, me.Id).Length == 0)
            .Select(r => DetailsOf(caller, r.Member, r.User))]);
    }

    static ResetPasswordDetailsResponse DetailsOf(OrgCaller caller, OrganizationUser member, User user) =>
        new(member.Id, user.Kdf, user.KdfIterations, user.KdfMemory, user.KdfParallelism, member.ResetPasswordKey, caller.Organization.PrivateKey);

    static async Task Reset(Guid organizationId, Guid id, AdminResetPasswordRequest request, OrganizationAccess access,
        AccountRecovery recovery, CurrentUser me, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanRecoverAccounts, ct);
        var (member, user) = await recovery.RecoverableAsync(caller, id, me.Id, ct);
        await recovery.ResetAsync(caller, member, user, request, ct);
    }
}
