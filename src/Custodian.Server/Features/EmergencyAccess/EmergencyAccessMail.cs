using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Mail;

namespace Custodian.Server.Features.EmergencyAccess;

/// <summary>
/// The mail of each step, to whoever must act next (Bitwarden's EmergencyAccess* templates). The invitation token is
/// an <see cref="InviteTokens"/> token of its own purpose, bound to the row and the invited address.
/// </summary>
public sealed class EmergencyAccessMail(Mailer mailer, MailLinks links, InviteTokens tokens)
{
    public const string TokenPurpose = "Custodian.EmergencyAccess.Invite";

    public void EnsureConfigured() => links.EnsureConfigured();

    public bool IsValidToken(string token, EmergencyContact row, string email) => tokens.IsValid(token, row.Id, email, TokenPurpose);

    public Task InvitedAsync(EmergencyContact row, User grantor, CancellationToken ct)
    {
        var email = row.Email!;
        var link = $"{links.BaseUrl}/#/accept-emergency?id={row.Id}&name={Uri.EscapeDataString(NameOf(grantor))}"
            + $"&email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(tokens.Create(row.Id, email, TokenPurpose))}";
        return mailer.SendAsync(email, "Emergency access contact invited",
            $"{NameOf(grantor)} invited you to be an emergency contact ({Describe(row)}).\n\n"
            + $"Accept the invitation within five days:\n{link}\n", ct);
    }

    public Task AcceptedAsync(User grantor, string granteeEmail, CancellationToken ct) =>
        mailer.SendAsync(grantor.Email, "Accepted emergency access",
            $"{granteeEmail} accepted your invitation to be an emergency contact. Log in to confirm them.\n", ct);

    public Task ConfirmedAsync(User grantor, User grantee, CancellationToken ct) =>
        mailer.SendAsync(grantee.Email, "You have been confirmed as an emergency contact",
            $"{NameOf(grantor)} confirmed you as an emergency contact. You can start an emergency access request from your account settings.\n", ct);

    public Task RecoveryInitiatedAsync(EmergencyContact row, User grantor, User grantee, CancellationToken ct) =>
        mailer.SendAsync(grantor.Email, "Emergency access initiated",
            $"{NameOf(grantee)} started an emergency access request ({Describe(row)}). If you do nothing, it is granted "
            + $"automatically after {row.WaitTimeDays} day(s). Log in to approve or reject it.\n", ct);

    /// <summary>Bitwarden's <c>EmergencyAccessRecoveryReminder</c>: the last day to answer before access is granted.</summary>
    public Task RecoveryReminderAsync(EmergencyContact row, User grantor, User grantee, DateTime grantedAt, CancellationToken ct) =>
        mailer.SendAsync(grantor.Email, "Pending emergency access request",
            $"{NameOf(grantee)} is waiting for emergency access to your account ({Describe(row)}). Unless you reject it, "
            + $"it is granted automatically on {grantedAt:u}. Log in to approve or reject it.\n", ct);

    public Task RecoveryApprovedAsync(EmergencyContact row, User grantor, User grantee, CancellationToken ct) =>
        mailer.SendAsync(grantee.Email, "Emergency access approved",
            $"Your emergency access request for {NameOf(grantor)}'s account was approved ({Describe(row)}).\n", ct);

    public Task RecoveryRejectedAsync(User grantor, User grantee, CancellationToken ct) =>
        mailer.SendAsync(grantee.Email, "Emergency access rejected",
            $"{NameOf(grantor)} rejected your emergency access request.\n", ct);

    public Task RecoveryTimedOutAsync(EmergencyContact row, User grantor, User grantee, CancellationToken ct) =>
        mailer.SendAsync(grantor.Email, "Emergency access granted",
            $"The waiting period of {row.WaitTimeDays} day(s) passed: {NameOf(grantee)} now has emergency access to your account ({Describe(row)}).\n", ct);

    public Task TookOverAsync(User grantor, User grantee, CancellationToken ct) =>
        mailer.SendAsync(grantor.Email, "Your master password was changed through emergency access",
            $"{NameOf(grantee)} used emergency access to set a new master password on your account. Every session was ended.\n", ct);

    static string Describe(EmergencyContact row) => row.Type == EmergencyAccessType.View ? "view" : "takeover";

    static string NameOf(User user) => string.IsNullOrWhiteSpace(user.Name) ? user.Email : user.Name;
}
