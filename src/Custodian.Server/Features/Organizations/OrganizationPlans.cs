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
        1 or 7 or 22 => ProductTierType.Families,
        2 or 3 or 8 or 9 or 12 or 13 or 17 or 18 => ProductTierType.Teams,
        16 or 21 => ProductTierType.TeamsStarter,
        _ => ProductTierType.Enterprise,
    };

    /// <summary>The display name the Provider Portal shows for a client's plan.</summary>
    public static string NameOf(int planType) => planType switch
    {
        17 => "Teams (Monthly)",
        18 => "Teams (Annually)",
        19 => "Enterprise (Monthly)",
        20 => "Enterprise (Annually)",
        _ => TierOf(planType) switch
        {
            ProductTierType.Free => "Free",
            ProductTierType.Families => "Families",
            ProductTierType.Teams => "Teams",
            ProductTierType.TeamsStarter => "Teams Starter",
            _ => "Enterprise",
        },
    };
}
