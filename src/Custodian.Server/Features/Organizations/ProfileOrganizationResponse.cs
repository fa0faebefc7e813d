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
    public static async Task<List<ProfileOrganizationResponse>> ForUserAsync(AppDbContext db, Guid userId, CancellationToken ct) =>
        From(await MemberOrg.ConfirmedAsync(db, userId, ct));

    public static List<ProfileOrganizationResponse> From(IEnumerable<MemberOrg> memberships) =>
        [.. memberships.Select(r => ForMember(r.Org, r.Member, r.Provider))];

    /// <summary>
    /// The client orgs of one provider as its user <paramref name="userId"/> administers them
    /// (<c>profileProviderOrganization</c>): owner rights, and the org key wrapped with the provider key, which the
    /// client unwraps with the provider key. Ordered by org id, so the same data always gives the same bytes.
    /// </summary>
    /// <remarks>
    /// A provider may have thousands of clients, all listed on every sync of each of its users (Bitwarden's shape,
    /// which the official clients read): so only the columns shown are read, in one query, untracked, and the
    /// profile serves them from <see cref="Providers.ProviderClientProfiles"/>, which calls this on a change only.
    /// </remarks>
    public static async Task<List<ProfileOrganizationResponse>> ForProviderClientsAsync(AppDbContext db, Guid providerId, Guid userId, CancellationToken ct)
    {
        var rows = await (from l in db.ProviderOrganizations
                          where l.ProviderId == providerId
                          join o in db.Organizations.Select(OrgProfile.Columns) on l.OrganizationId equals o.Id
                          join p in db.Providers on l.ProviderId equals p.Id
                          orderby o.Id
                          select new { l.Key, o, ProviderName = p.Name, ProviderType = p.Type }).AsNoTracking().ToListAsync(ct);
        return rows.ConvertAll(r => Build(r.o, r.Key, OrganizationUserType.Owner, OrganizationUserStatus.Confirmed, MemberPermissions.None,
            organizationUserId: null, userId, resetPasswordEnrolled: false, accessSecretsManager: false,
            providerId, r.ProviderName, (int)r.ProviderType, "profileProviderOrganization"));
    }

    /// <summary>A member's view of an org, with the provider that administers it (if any) named.</summary>
    public static ProfileOrganizationResponse ForMember(Organization o, OrganizationUser m, Providers.Provider? provider = null) =>
        Build(OrgProfile.Of(o), m.Key, m.Type, m.Status, MemberPermissions.Parse(m.Permissions), m.Id, m.UserId, m.ResetPasswordKey is not null,
            m.AccessSecretsManager, provider?.Id, provider?.Name, (int?)provider?.Type, "profileOrganization");

    static ProfileOrganizationResponse Build(OrgProfile o, string? key, OrganizationUserType type, OrganizationUserStatus status,
        MemberPermissions permissions, Guid? organizationUserId, Guid? userId, bool resetPasswordEnrolled, bool accessSecretsManager,
        Guid? providerId, string? providerName, int? providerType, string kind) => new(
        o.Id, o.Name, key, type, status, o.Enabled, permissions, organizationUserId, userId,
        o.UsePolicies, o.UseGroups, UseDirectory: true, o.UseEvents, o.UseTotp, Use2fa: true, o.UseApi,
        UseSso: false, UseKeyConnector: false, UseScim: true, UseResetPassword: true, UseSecretsManager: false,
        UsePasswordManager: true, o.UseCustomPermissions, UseActivateAutofillPolicy: false, UseOrganizationDomains: false,
        UseAdminSponsoredFamilies: false, UseAutomaticUserConfirmation: false, UseRiskInsights: false, UseMyItems: false,
        SelfHost: true, UsersGetPremium: true, o.Seats, o.MaxCollections, MaxStorageGb: null,
        o.HasPublicAndPrivateKeys, SsoBound: false, Identifier: null,
        resetPasswordEnrolled, o.ProductTier, KeyConnectorEnabled: false,
        KeyConnectorUrl: null, SsoEnabled: false, accessSecretsManager, UserIsClaimedByOrganization: false,
        IsAdminInitiated: false, o.LimitCollectionCreation, o.LimitCollectionDeletion, o.LimitItemDeletion,
        o.AllowAdminAccessToAllCollectionItems, providerId, providerName, providerType, kind);
}

/// <summary>The org columns a profile entry shows: read as such for provider clients, taken from the row for members.</summary>
public sealed class OrgProfile
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public bool Enabled { get; init; }
    public bool UsePolicies { get; init; }
    public bool UseGroups { get; init; }
    public bool UseEvents { get; init; }
    public bool UseTotp { get; init; }
    public bool UseApi { get; init; }
    public bool UseCustomPermissions { get; init; }
    public int? Seats { get; init; }
    public short? MaxCollections { get; init; }
    public bool HasPublicAndPrivateKeys { get; init; }
    public ProductTierType ProductTier { get; init; }
    public bool LimitCollectionCreation { get; init; }
    public bool LimitCollectionDeletion { get; init; }
    public bool LimitItemDeletion { get; init; }
    public bool AllowAdminAccessToAllCollectionItems { get; init; }

    /// <summary>One projection for both uses, so a query and a loaded row cannot show an org differently.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Organization, OrgProfile>> Columns = o => new OrgProfile
    {
        Id = o.Id, Name = o.Name, Enabled = o.Enabled, UsePolicies = o.UsePolicies, UseGroups = o.UseGroups, UseEvents = o.UseEvents,
        UseTotp = o.UseTotp, UseApi = o.UseApi, UseCustomPermissions = o.UseCustomPermissions, Seats = o.Seats, MaxCollections = o.MaxCollections,
        HasPublicAndPrivateKeys = o.PublicKey != null && o.PrivateKey != null, ProductTier = o.ProductTier,
        LimitCollectionCreation = o.LimitCollectionCreation, LimitCollectionDeletion = o.LimitCollectionDeletion,
        LimitItemDeletion = o.LimitItemDeletion, AllowAdminAccessToAllCollectionItems = o.AllowAdminAccessToAllCollectionItems,
    };

    public static readonly Func<Organization, OrgProfile> Of = Columns.Compile();

    /// <summary>The org properties <see cref="Columns"/> reads: a change to one of them changes a profile entry.</summary>
    public static readonly IReadOnlyList<string> Properties = PropertiesReadBy(Columns);

    static List<string> PropertiesReadBy(System.Linq.Expressions.Expression<Func<Organization, OrgProfile>> projection)
    {
        var reads = new PropertyReads(projection.Parameters[0]);
        reads.Visit(projection.Body);
        return [.. reads.Names.Order(StringComparer.Ordinal)];
    }

    sealed class PropertyReads(System.Linq.Expressions.ParameterExpression org) : System.Linq.Expressions.ExpressionVisitor
    {
        public HashSet<string> Names { get; } = [];

        protected override System.Linq.Expressions.Expression VisitMember(System.Linq.Expressions.MemberExpression node)
        {
            if (node.Expression == org)
            {
                Names.Add(node.Member.Name);
            }
            return base.VisitMember(node);
        }
    }
}

/// <summary>A confirmed membership with its org and the provider administering that org, if any.</summary>
public sealed record MemberOrg(OrganizationUser Member, Organization Org, Providers.Provider? Provider)
{
    /// <summary>One query: memberships, orgs and provider links together (an org has at most one provider).</summary>
    public static async Task<List<MemberOrg>> ConfirmedAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var rows = new List<MemberOrg>();
        await foreach (var row in Confirmed.For(db)(db, userId).WithCancellation(ct))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Every sync and profile read runs it (<see cref="CompiledQuery{TQuery}"/>).</summary>
    static readonly CompiledQuery<Func<AppDbContext, Guid, IAsyncEnumerable<MemberOrg>>> Confirmed = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId) => (from m in db.OrganizationUsers
                                           where m.UserId == userId && m.Status == OrganizationUserStatus.Confirmed
                                           join o in db.Organizations on m.OrganizationId equals o.Id
                                           from l in db.ProviderOrganizations.Where(l => l.OrganizationId == o.Id).DefaultIfEmpty()
                                           from p in db.Providers.Where(p => l != null && p.Id == l.ProviderId).DefaultIfEmpty()
                                           select new MemberOrg(m, o, p)).AsNoTracking()));
}
