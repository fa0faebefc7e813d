using System.Text.Json;

namespace Custodian.Bench;

/// <summary>How much data to make. <see cref="Full"/> is the MSP: 1 provider, 10,000 client orgs,
/// 100,000 users, 1,000,000 items; a scale factor shrinks everything but the three sync users.</summary>
public sealed record BenchShape(int Orgs, int Users, int Items, int BigOrgMembers, int BigOrgItems, int BigOrgEvents, int EventsPerOrg)
{
    public static readonly BenchShape Full = new(10_000, 100_000, 1_000_000, 5_000, 10_000, 50_000, 10);

    /// <summary>Items each sync user sees: half personal, half in their org's collections.</summary>
    public static readonly int[] SyncUserItems = [100, 1_000, 5_000];

    public BenchShape Scale(double factor) => factor >= 1 ? this : new(
        Math.Max(10, (int)(Orgs * factor)), Math.Max(100, (int)(Users * factor)), Math.Max(10_000, (int)(Items * factor)),
        Math.Max(50, (int)(BigOrgMembers * factor)), Math.Max(100, (int)(BigOrgItems * factor)),
        Math.Max(500, (int)(BigOrgEvents * factor)), EventsPerOrg);
}

/// <summary>What the load driver needs to know about a generated data set; written next to the database.</summary>
public sealed record BenchManifest(
    BenchShape Shape,
    string ClientPasswordHash,
    Guid ProviderId,
    string ProviderAdminEmail,
    Guid BigOrgId,
    string BigOrgOwnerEmail,
    IReadOnlyList<SyncUser> SyncUsers,
    string ClientNameSearch,
    DateTime EventsFrom,
    DateTime EventsTo,
    IReadOnlyList<BenchTechnician> Technicians)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static BenchManifest Load(string path) =>
        JsonSerializer.Deserialize<BenchManifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidOperationException($"{path} is not a bench manifest.");
}

public sealed record SyncUser(int Items, string Email, Guid Id);

/// <summary>A service user of the provider who carries the items of <see cref="Clients"/> clients by assignment.</summary>
public sealed record BenchTechnician(string Email, int Clients);
