using Microsoft.EntityFrameworkCore;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Infrastructure.Data;
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
    IReadOnlyList<ProfileOrganizationResponse> Organizations,
    IReadOnlyList<Features.Providers.ProfileProviderResponse> Providers,
    IEnumerable<RawJson> ProviderOrganizations) : ResponseModel("profile")
{
    /// <summary>The profile with the caller's confirmed memberships (the CLI needs each one's wrapped org key).</summary>
    /// <param name="known">What the token check read with the account (<see cref="CallerAccount"/>), when it is this account
    /// unchanged: lets the provider parts and the two-step flag go unasked.</param>
    /// <param name="memberships">The memberships when the caller already has them (sync shares them with the item rules).</param>
    public static async Task<ProfileResponse> BuildAsync(AppDbContext db, Features.Providers.ProviderClientProfiles providerClients, User user,
        CancellationToken ct, CallerAccount? known = null, IReadOnlyList<MemberOrg>? memberships = null)
    {
        var inProvider = known?.InProvider ?? true;
        return From(user, ProfileOrganizationResponse.From(memberships ?? await MemberOrg.ConfirmedAsync(db, user.Id, ct)),
            inProvider ? await Features.Providers.ProfileProviderResponse.ForUserAsync(db, user.Id, ct) : [],
            inProvider ? await providerClients.ForUserAsync(db, user.Id, ct) : Features.Providers.ProviderClientEntries.None,
            known?.TwoFactorEnabled ?? await Features.TwoFactor.TwoFactorService.EnabledMethods(db, user.Id).AnyAsync(ct));
    }

    public static ProfileResponse From(User user, IReadOnlyList<ProfileOrganizationResponse>? organizations = null,
        IReadOnlyList<Features.Providers.ProfileProviderResponse>? providers = null, IEnumerable<RawJson>? providerOrganizations = null,
        bool twoFactorEnabled = false) => new(
        user.Id, user.Name, user.Email, user.EmailVerified,
        Premium: true,   // self-hosted: every account has the premium features
        PremiumFromOrganization: false, user.MasterPasswordHint, user.Culture, twoFactorEnabled,
        user.Key, user.PrivateKey, AccountKeysResponse.From(user), user.SecurityStamp,
        user.ForcePasswordReset, UsesKeyConnector: false, user.AvatarColor, user.CreationDate, VerifyDevices: false,
        organizations ?? [], providers ?? [], providerOrganizations ?? Features.Providers.ProviderClientEntries.None);
}
