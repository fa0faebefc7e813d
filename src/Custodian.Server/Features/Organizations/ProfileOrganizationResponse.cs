using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// One entry of <c>profile.organizations</c> (client-contract 4.3): the caller's membership plus the org's feature
/// flags. The CLI reads <c>key</c> (org key RSA-wrapped to the member), <c>type</c>, <c>status</c>, <c>enabled</c>,
/// <c>permissions</c>, <c>organizationUserId</c> and the collection-management flags.
/// </summary>
public sealed record ProfileOrganizationResponse(
    Guid Id, string Name, string? Key, OrganizationUserType Type, OrganizationUserStatus Status, bool Enabled,
    MemberPermissions Permissions, Guid? OrganizationUserId, Guid? UserId,
    bool UsePolicies, bool UseGroups, bool UseDirectory, bool UseEvents, bool UseTotp, bool Use2fa, bool UseApi,
    bool UseSso, bool UseKeyConnector, bool UseScim, bool UseResetPassword, bool UseSecretsManager,
    bool UsePasswordManager, bool UseCustomPermissions, bool UseActivateAutofillPolicy, bool UseOrganizationDomains,
    bool UseAdminSponsoredFamilies, bool UseAutomaticUserConfirmation, bool UseRiskInsights, bool UseMyItems,
    bool SelfHost, bool UsersGetPremium, int? Seats, short? MaxCollections, short? MaxStorageGb,
    bool HasPublicAndPrivateKeys, bool SsoBound, string? Identifier, bool ResetPasswordEnrolled,
    ProductTierType ProductTierType, bool KeyConnectorEnabled, string? KeyConnectorUrl, bool SsoEnabled,
    bool AccessSecretsManager, bool UserIsClaimedByOrganization, bool IsAdminInitiated,
    bool LimitCollectionCreation, bool LimitCollectionDeletion, bool LimitItemDeletion,
    bool AllowAdminAccessToAllCollectionItems,
    Guid? ProviderId, string? ProviderName, int? ProviderType) : ResponseModel("profileOrganization")
{
    /// <summary>The user's confirmed memberships, as profile and <c>GET /api/organizations</c> list them.</summary>
    public static async Task<List<ProfileOrganizationResponse>> ForUserAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var rows = await db.OrganizationUsers
            .Where(m => m.UserId == userId && m.Status == OrganizationUserStatus.Confirmed)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o })
            .ToListAsync(ct);
        return [.. rows.Select(r => ForMember(r.o, r.m))];
    }

    /// <summary>A member's view of an org. Provider fields stay empty until providers manage orgs.</summary>
    public static ProfileOrganizationResponse ForMember(Organization o, OrganizationUser m) => new(
        o.Id, o.Name, m.Key, m.Type, m.Status, o.Enabled, MemberPermissions.Parse(m.Permissions), m.Id, m.UserId,
        o.UsePolicies, o.UseGroups, UseDirectory: false, o.UseEvents, o.UseTotp, Use2fa: true, o.UseApi,
        UseSso: false, UseKeyConnector: false, UseScim: false, UseResetPassword: false, UseSecretsManager: false,
        UsePasswordManager: true, o.UseCustomPermissions, UseActivateAutofillPolicy: false, UseOrganizationDomains: false,
        UseAdminSponsoredFamilies: false, UseAutomaticUserConfirmation: false, UseRiskInsights: false, UseMyItems: false,
        SelfHost: true, UsersGetPremium: true, o.Seats, o.MaxCollections, MaxStorageGb: null,
        HasPublicAndPrivateKeys: o.PublicKey is not null && o.PrivateKey is not null, SsoBound: false, Identifier: null,
        ResetPasswordEnrolled: m.ResetPasswordKey is not null, o.ProductTier, KeyConnectorEnabled: false,
        KeyConnectorUrl: null, SsoEnabled: false, m.AccessSecretsManager, UserIsClaimedByOrganization: false,
        IsAdminInitiated: false, o.LimitCollectionCreation, o.LimitCollectionDeletion, o.LimitItemDeletion,
        o.AllowAdminAccessToAllCollectionItems, ProviderId: null, ProviderName: null, ProviderType: null);
}
