using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.TwoFactor;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// The "Require two-step login" policy (type 0). Bitwarden exempts owners and admins; Custodian does not: an MSP's
/// client admins hold the keys too. Members without two-step login are revoked (not removed, so restoring them once
/// they comply keeps their access), cannot accept, be confirmed or be restored, and are mailed why.
/// </summary>
public sealed class TwoFactorCompliance(AppDbContext db, EventLog events, Mailer mailer)
{
    public const string JoinMessage = "You cannot join this organization vault until you enable two-step login on your user account.";
    public const string RestoreMessage = "This member is not compliant with the two-step login policy.";
    public const string ConfirmMessage = "User does not have two-step login enabled.";
    public const string SelfMessage = "Turn on two-step login for your own account before requiring it of others.";

    static IQueryable<Guid> RequiringOrgIds(AppDbContext db) =>
        db.Policies.Where(p => p.Type == PolicyType.TwoFactorAuthentication && p.Enabled).Select(p => p.OrganizationId);

    /// <summary>Accepting, confirming or restoring into an org with the policy needs two-step login.</summary>
    public static async Task EnsureMayJoinAsync(AppDbContext db, Guid organizationId, Guid? userId, CancellationToken ct)
    {
        if (!await CompliesAsync(db, organizationId, userId, ct))
        {
            throw new BadRequestException(JoinMessage);
        }
    }

    /// <summary>Whether the user may be restored or confirmed into the org (bulk routes report, not throw).</summary>
    public static async Task<bool> CompliesAsync(AppDbContext db, Guid organizationId, Guid? userId, CancellationToken ct) =>
        userId is not { } id || !await RequiringOrgIds(db).ContainsAsync(organizationId, ct)
        || await TwoFactorService.EnabledMethods(db, id).AnyAsync(ct);

    /// <summary>
    /// Turning the policy on revokes every accepted or confirmed member without two-step login except the caller,
    /// who must have it (otherwise the org could lose its last active admin). Returns the revoked members.
    /// </summary>
    public async Task<List<OrganizationUser>> RevokeNonCompliantAsync(OrgCaller caller, CancellationToken ct)
    {
        var (organizationId, callerId) = (caller.OrganizationId, caller.Membership?.UserId);
        if (callerId is { } id && !await TwoFactorService.EnabledMethods(db, id).AnyAsync(ct))
        {
            throw new BadRequestException(SelfMessage);
        }
        var members = await db.OrganizationUsers.Where(m => m.OrganizationId == organizationId && m.UserId != null && m.UserId != callerId
                && (m.Status == OrganizationUserStatus.Accepted || m.Status == OrganizationUserStatus.Confirmed)
                && !db.TwoFactorMethods.Any(t => t.UserId == m.UserId && t.Enabled))
            .ToListAsync(ct);
        var org = caller.Organization;
        foreach (var member in members)
        {
            Revoke(member, caller);
        }
        await MailRevokedAsync(org.Name, members, ct);
        return members;
    }

    /// <summary>
    /// A user who turned their last method off (or recovered) is revoked where the policy applies, except as an org's
    /// last confirmed owner.
    /// </summary>
    public async Task RevokeWhereRequiredAsync(User user, CancellationToken ct)
    {
        var memberships = await db.OrganizationUsers.Where(m => m.UserId == user.Id
                && (m.Status == OrganizationUserStatus.Accepted || m.Status == OrganizationUserStatus.Confirmed)
                && RequiringOrgIds(db).Contains(m.OrganizationId))
            .ToListAsync(ct);
        foreach (var member in memberships)
        {
            if (await IsLastConfirmedOwnerAsync(member, ct))
            {
                continue;   // an org never loses its last owner (MemberRules); its policy page says who lacks it
            }
            Revoke(member, null);
            var name = await db.Organizations.Where(o => o.Id == member.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            await mailer.SendAsync(user.Email, $"You have been revoked from {name}",
                $"Two-step login was turned off on your account, and {name} requires it. An administrator can restore you once you turn it on again.\n", ct);
        }
    }

    async Task<bool> IsLastConfirmedOwnerAsync(OrganizationUser member, CancellationToken ct)
    {
        try
        {
            await MemberRules.EnsureAnotherConfirmedOwnerAsync(db, member, ct);
            return false;
        }
        catch (BadRequestException)
        {
            return true;
        }
    }

    void Revoke(OrganizationUser member, OrgCaller? caller)
    {
        member.StatusBeforeRevoke = member.Status;
        member.Status = OrganizationUserStatus.Revoked;
        events.Add(EventType.OrganizationUser_Revoked, new EventSubject(OrganizationId: member.OrganizationId,
            OrganizationUserId: member.Id, UserId: member.UserId), caller);
    }

    async Task MailRevokedAsync(string orgName, List<OrganizationUser> members, CancellationToken ct)
    {
        var ids = members.Select(m => m.UserId).ToList();
        var emails = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Email).ToListAsync(ct);
        foreach (var email in emails)
        {
            await mailer.SendAsync(email, $"You have been revoked from {orgName}",
                $"{orgName} now requires two-step login. Turn it on in your account settings, then ask an administrator to restore you.\n", ct);
        }
    }
}
