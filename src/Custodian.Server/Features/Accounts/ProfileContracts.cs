using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Accounts;

/// <summary>
/// <c>profile</c> in sync and <c>GET /api/accounts/profile</c>. The security stamp must stay stable between syncs:
/// a changed stamp logs the CLI out.
/// </summary>
public sealed record ProfileResponse(
    Guid Id,
    string? Name,
    string Email,
    bool EmailVerified,
    bool Premium,
    bool PremiumFromOrganization,
    string? MasterPasswordHint,
    string Culture,
    bool TwoFactorEnabled,
    string? Key,
    string? PrivateKey,
    AccountKeysResponse? AccountKeys,
    string SecurityStamp,
    bool ForcePasswordReset,
    bool UsesKeyConnector,
    string? AvatarColor,
    DateTime CreationDate,
    bool VerifyDevices,
    IReadOnlyList<object> Organizations,
    IReadOnlyList<object> Providers,
    IReadOnlyList<object> ProviderOrganizations) : ResponseModel("profile")
{
    public static ProfileResponse From(User user) => new(
        user.Id, user.Name, user.Email, user.EmailVerified,
        Premium: true,   // self-hosted: every account has the premium features
        PremiumFromOrganization: false, user.MasterPasswordHint, user.Culture, TwoFactorEnabled: false,
        user.Key, user.PrivateKey, AccountKeysResponse.From(user), user.SecurityStamp,
        ForcePasswordReset: false, UsesKeyConnector: false, user.AvatarColor, user.CreationDate, VerifyDevices: false,
        [], [], []);
}
