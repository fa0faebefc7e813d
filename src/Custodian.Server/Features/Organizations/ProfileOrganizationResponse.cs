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
    Guid? ProviderId, string? ProviderName, int? ProviderType,
    [property: System.Text.Json.Serialization.JsonIgnore] string Kind = "profileOrganization") : ResponseModel(Kind)
{
    /// <summary>The user's confirmed memberships, as profile and <c>GET /api/organizations</c> list them.</summary>
    public static async Task<List<ProfileOrganizationResponse>> ForUserAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var rows = await db.OrganizationUsers
            .Where(m => m.UserId == userId && m.Status == OrganizationUserStatus.Confirmed)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o })
            .ToListAsync(ct);
        var providers = await ProvidersOfAsync(db, [.. rows.Select(r => r.o.Id)], ct);
        return [.. rows.Select(r => ForMember(r.o, r.m, providers.GetValueOrDefault(r.o.Id)))];
    }

    /// <summary>
    /// The client orgs the user administers through a provider (<c>profileProviderOrganization</c>): owner rights,
    /// and the org key wrapped with the provider key, which the client unwraps with the provider key.
    /// </summary>
    public static async Task<List<ProfileOrganizationResponse>> ForProviderUserAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var active = Providers.ProviderAccess.ActiveUsers(db, userId);
        var rows = await (from u in active
                          join l in db.ProviderOrganizations on u.ProviderId equals l.ProviderId
                          join o in db.Organizations on l.OrganizationId equals o.Id
                          join p in db.Providers on l.ProviderId equals p.Id
                          select new { l, o, p }).AsNoTrackingWithIdentityResolution().ToListAsync(ct);
        return [.. rows.Select(r => Build(r.o, key: r.l.Key, OrganizationUserType.Owner, OrganizationUserStatus.Confirmed, MemberPermissions.None,
            organizationUserId: null, userId, resetPasswordEnrolled: false, accessSecretsManager: false, r.p, "profileProviderOrganization"))];
    }

    static async Task<Dictionary<Guid, Providers.Provider>> ProvidersOfAsync(AppDbContext db, List<Guid> orgIds, CancellationToken ct) =>
        await (from l in db.ProviderOrganizations
               join p in db.Providers on l.ProviderId equals p.Id
               where orgIds.Contains(l.OrganizationId)
               select new { l.OrganizationId, p }).ToDictionaryAsync(x => x.OrganizationId, x => x.p, ct);

    /// <summary>A member's view of an org, with the provider that administers it (if any) named.</summary>
    public static ProfileOrganizationResponse ForMember(Organization o, OrganizationUser m, Providers.Provider? provider = null) =>
        Build(o, m.Key, m.Type, m.Status, MemberPermissions.Parse(m.Permissions), m.Id, m.UserId, m.ResetPasswordKey is not null,
            m.AccessSecretsManager, provider, "profileOrganization");

    static ProfileOrganizationResponse Build(Organization o, string? key, OrganizationUserType type, OrganizationUserStatus status,
        MemberPermissions permissions, Guid? organizationUserId, Guid? userId, bool resetPasswordEnrolled, bool accessSecretsManager,
        Providers.Provider? provider, string kind) => new(
        o.Id, o.Name, key, type, status, o.Enabled, permissions, organizationUserId, userId,
        o.UsePolicies, o.UseGroups, UseDirectory: true, o.UseEvents, o.UseTotp, Use2fa: true, o.UseApi,
        UseSso: false, UseKeyConnector: false, UseScim: true, UseResetPassword: true, UseSecretsManager: false,
        UsePasswordManager: true, o.UseCustomPermissions, UseActivateAutofillPolicy: false, UseOrganizationDomains: false,
        UseAdminSponsoredFamilies: false, UseAutomaticUserConfirmation: false, UseRiskInsights: false, UseMyItems: false,
        SelfHost: true, UsersGetPremium: true, o.Seats, o.MaxCollections, MaxStorageGb: null,
        HasPublicAndPrivateKeys: o.PublicKey is not null && o.PrivateKey is not null, SsoBound: false, Identifier: null,
        resetPasswordEnrolled, o.ProductTier, KeyConnectorEnabled: false,
        KeyConnectorUrl: null, SsoEnabled: false, accessSecretsManager, UserIsClaimedByOrganization: false,
        IsAdminInitiated: false, o.LimitCollectionCreation, o.LimitCollectionDeletion, o.LimitItemDeletion,
        o.AllowAdminAccessToAllCollectionItems, provider?.Id, provider?.Name, (int?)provider?.Type, kind);
}
