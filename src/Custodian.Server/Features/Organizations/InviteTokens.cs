using Microsoft.AspNetCore.DataProtection;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// The token in an invitation link: bound to one membership row and its email, valid for five days, and made
/// with keys in the shared database, so any instance can check it. Nothing is stored per invitation.
/// </summary>
public sealed class InviteTokens(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(5);

    const string OrganizationPurpose = "Custodian.Organizations.Invite";

    /// <summary>Other invitations (emergency contacts) pass their own purpose, so one kind's token never opens another's.</summary>
    ITimeLimitedDataProtector Protector(string purpose) => protection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    static string Payload(Guid organizationUserId, string email) => $"{organizationUserId:N}:{email.Trim().ToLowerInvariant()}";

    public string Create(Guid organizationUserId, string email, string purpose = OrganizationPurpose) =>
        Protector(purpose).Protect(Payload(organizationUserId, email), Lifetime);

    public bool IsValid(string? token, Guid organizationUserId, string email, string purpose = OrganizationPurpose)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        try
        {
            return Protector(purpose).Unprotect(token) == Payload(organizationUserId, email);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;   // tampered, expired, or for another invitation
        }
    }
}
