using System.Text.Json;
using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// Account recovery (Bitwarden's "admin password reset"): the rules of enrolling, withdrawing and resetting, shared
/// by the member routes and invitation accept. The server only stores and hands back wrapped keys; the admin's
/// browser does the unwrapping and re-wrapping.
/// </summary>
public sealed class AccountRecovery(AppDbContext db, MasterPasswordHasher hasher, EventLog events, Mailer mailer, TimeProvider time)
{
    public const string PolicyOffMessage = "Organization does not have the password reset policy enabled.";
    public const string AutoEnrollMessage = "Due to an Enterprise Policy, you are not allowed to withdraw from account recovery.";

    /// <summary>The ResetPassword policy when on, with its auto-enrollment flag.</summary>
    public async Task<(bool Enabled, bool AutoEnroll)> PolicyAsync(Guid organizationId, CancellationToken ct)
    {
        var policy = await db.Policies.AsNoTracking()
            .SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Type == PolicyType.ResetPassword && p.Enabled, ct);
        if (policy?.Data is not { } data)
        {
            return (policy is not null, false);
        }
        using var json = JsonDocument.Parse(data);
        return (true, json.RootElement.TryGetProperty("autoEnrollEnabled", out var auto) && auto.ValueKind == JsonValueKind.True);
    }

    /// <summary>Sets or clears the member's recovery key, keeping the policy's rules; records the event.</summary>
    public async Task SetEnrollmentAsync(OrganizationUser member, string? resetPasswordKey, CancellationToken ct)
    {
        var (enabled, autoEnroll) = await PolicyAsync(member.OrganizationId, ct);
        if (resetPasswordKey is null)
        {
            if (autoEnroll)
            {
                throw new BadRequestException(AutoEnrollMessage);
            }
            if (member.ResetPasswordKey is not null)
            {
                member.ResetPasswordKey = null;
                events.Add(EventType.OrganizationUser_ResetPassword_Withdraw, Subject(member));
            }
            return;
        }
        if (!enabled)
        {
            throw new BadRequestException(PolicyOffMessage);
        }
        if (!resetPasswordKey.StartsWith("4.", StringComparison.Ordinal))
        {
            throw BadRequestException.ForField("ResetPasswordKey", "The key must be wrapped to the organization's public key.");
        }
        member.ResetPasswordKey = resetPasswordKey;
        events.Add(EventType.OrganizationUser_ResetPassword_Enroll, Subject(member));
    }

    /// <summary>
    /// May <paramref name="caller"/> recover <paramref name="member"/>'s account? Never their own, never an owner
    /// unless an owner (or the provider, which acts as one), never a member ranked above them.
    /// </summary>
    public static string Refusal(OrgCaller caller, OrganizationUser member, Guid callerUserId)
    {
        if (member.UserId == callerUserId)
        {
            return "You cannot recover your own account.";
        }
        return Rank(member.Type) > (caller.IsProviderUser ? Rank(OrganizationUserType.Owner) : Rank(caller.Role))
            ? "You cannot recover the account of a member ranked above you." : "";
    }

    static int Rank(OrganizationUserType type) => type switch
    {
        OrganizationUserType.Owner => 3,
        OrganizationUserType.Admin => 2,
        _ => 1,
    };

    /// <summary>The enrolled, confirmed member with an account, in an org whose policy is on; else a 400.</summary>
    public async Task<(OrganizationUser Member, User User)> RecoverableAsync(OrgCaller caller, Guid memberId, Guid callerUserId, CancellationToken ct)
    {
        var member = await db.OrganizationUsers.SingleOrDefaultAsync(m => m.Id == memberId && m.OrganizationId == caller.OrganizationId, ct)
            ?? throw new NotFoundException();
        if (!(await PolicyAsync(caller.OrganizationId, ct)).Enabled)
        {
            throw new BadRequestException(PolicyOffMessage);
        }
        if (member is not { Status: OrganizationUserStatus.Confirmed, ResetPasswordKey: not null, UserId: { } userId })
        {
            throw new BadRequestException("Organization User not valid");
        }
        var refusal = Refusal(caller, member, callerUserId);
        if (refusal.Length > 0)
        {
            throw new BadRequestException(refusal);
        }
        return (member, await db.Users.SingleAsync(u => u.Id == userId, ct));
    }

    /// <summary>
    /// Stores the new password and re-wrapped user key, forces a change at next login, ends every session (new
    /// security stamp), and tells the member by mail. The caller saves.
    /// </summary>
    public async Task ResetAsync(OrgCaller caller, OrganizationUser member, User user, AdminResetPasswordRequest request, CancellationToken ct)
    {
        user.MasterPassword = hasher.Hash(user, request.NewMasterPasswordHash);
        user.Key = request.Key;
        user.ForcePasswordReset = true;
        user.LastPasswordChangeDate = time.GetUtcNow().UtcDateTime;
        user.SecurityStamp = Guid.NewGuid().ToString();
        events.Add(EventType.OrganizationUser_AdminResetPassword, Subject(member), caller);
        await db.SaveChangesAsync(ct);
        await mailer.SendAsync(user.Email, "Your master password was reset",
            $"An administrator of {caller.Organization.Name} recovered your account and set a temporary master password." +
            "\n\nYou will be asked to choose a new master password when you next log in. If you did not ask for this, contact your administrator.\n", ct);
    }

    static EventSubject Subject(OrganizationUser member) =>
        new(OrganizationId: member.OrganizationId, OrganizationUserId: member.Id, UserId: member.UserId);
}
