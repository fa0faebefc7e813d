namespace Custodian.Server.Features.Organizations;

/// <summary>
/// Bitwarden plan numbers mapped to product tiers. Self-hosted, nothing is billed: the plan only says which
/// tier the clients should show; every paid tier gets every feature this server implements.
/// </summary>
public static class OrganizationPlans
{
    public static ProductTierType TierOf(int planType) => planType switch
    {
        0 => ProductTierType.Free,
        1 or 7 or 19 => ProductTierType.Families,
        2 or 3 or 8 or 9 or 12 or 13 or 15 or 16 or 17 => ProductTierType.Teams,
        18 => ProductTierType.TeamsStarter,
        _ => ProductTierType.Enterprise,
    };
}
