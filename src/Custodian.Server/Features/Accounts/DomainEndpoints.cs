using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;

namespace Custodian.Server.Features.Accounts;

public sealed record GlobalDomainResponse(int Type, IReadOnlyList<string> Domains, bool Excluded);

public sealed record DomainsResponse(
    IReadOnlyList<IReadOnlyList<string>>? EquivalentDomains,
    IReadOnlyList<GlobalDomainResponse>? GlobalEquivalentDomains) : ResponseModel("domains")
{
    /// <summary>
    /// The settings page shows every global group with its flag; sync sends only the groups still in use, as
    /// Bitwarden does (<paramref name="includeExcluded"/> false).
    /// </summary>
    public static DomainsResponse From(User user, bool includeExcluded)
    {
        var excluded = DomainEndpoints.Excluded(user);
        var globals = GlobalDomains.All
            .Where(g => includeExcluded || !excluded.Contains(g.Key))
            .Select(g => new GlobalDomainResponse(g.Key, g.Value, excluded.Contains(g.Key)))
            .ToList();
        return new(DomainEndpoints.Equivalent(user), globals.Count == 0 ? null : globals);
    }
}

public sealed record DomainsRequest(
    [property: MaxLength(200)] IReadOnlyList<IReadOnlyList<string>>? EquivalentDomains,
    IReadOnlyList<int>? ExcludedGlobalEquivalentDomains) : IRequestModel;

/// <summary>Equivalent domains: which sites share a login for autofill. Plaintext settings, not vault data.</summary>
public static class DomainEndpoints
{
    const int MaxDomainsPerGroup = 100;
    const int MaxDomainLength = 255;

    public static RouteGroupBuilder MapDomainEndpoints(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/domains", Get);
        settings.MapPut("/domains", Update);
        settings.MapPost("/domains", Update); // legacy alias
        return api;
    }

    static async Task<DomainsResponse> Get(AppDbContext db, CurrentUser caller, CancellationToken ct) =>
        DomainsResponse.From(await AccountEndpoints.LoadAsync(db, caller, ct), includeExcluded: true);

    static async Task<DomainsResponse> Update(DomainsRequest request, AppDbContext db, CurrentUser caller, CancellationToken ct)
    {
        var groups = Normalize(request.EquivalentDomains ?? []);
        var excluded = (request.ExcludedGlobalEquivalentDomains ?? []).Distinct().ToList();
        if (excluded.FirstOrDefault(t => !GlobalDomains.All.ContainsKey(t), -1) is var unknown and not -1)
        {
            throw BadRequestException.ForField("ExcludedGlobalEquivalentDomains", $"Unknown global domain group {unknown}.");
        }
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        user.EquivalentDomains = groups.Count == 0 ? null : JsonSerializer.Serialize(groups);
        user.ExcludedGlobalEquivalentDomains = excluded.Count == 0 ? null : JsonSerializer.Serialize(excluded);
        await db.SaveChangesAsync(ct);
        return DomainsResponse.From(user, includeExcluded: true);
    }

    /// <summary>Lower-case, trimmed, no blanks or duplicates; a group of fewer than two domains says nothing and is dropped.</summary>
    static List<List<string>> Normalize(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var result = new List<List<string>>();
        foreach (var group in groups)
        {
            var domains = (group ?? []).Select(d => (d ?? "").Trim().ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToList();
            if (domains.Count > MaxDomainsPerGroup || domains.Any(d => d.Length > MaxDomainLength || d.Any(char.IsWhiteSpace)))
            {
                throw BadRequestException.ForField("EquivalentDomains", $"A group holds at most {MaxDomainsPerGroup} domains without spaces, each at most {MaxDomainLength} characters.");
            }
            if (domains.Count > 1)
            {
                result.Add(domains);
            }
        }
        return result;
    }

    internal static IReadOnlyList<IReadOnlyList<string>>? Equivalent(User user) =>
        user.EquivalentDomains is null ? null : JsonSerializer.Deserialize<List<List<string>>>(user.EquivalentDomains);

    internal static HashSet<int> Excluded(User user) =>
        user.ExcludedGlobalEquivalentDomains is null ? [] : JsonSerializer.Deserialize<HashSet<int>>(user.ExcludedGlobalEquivalentDomains) ?? [];
}
