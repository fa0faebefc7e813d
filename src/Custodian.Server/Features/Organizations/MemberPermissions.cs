using System.Text.Json;
using Custodian.Server.Infrastructure.Http;

namespace Custodian.Server.Features.Organizations;

/// <summary>The custom-role flags, named and shaped as Bitwarden's <c>Permissions</c> object.</summary>
public sealed record MemberPermissions
{
    public bool AccessEventLogs { get; init; }
    public bool AccessImportExport { get; init; }
    public bool AccessReports { get; init; }
    public bool CreateNewCollections { get; init; }
    public bool EditAnyCollection { get; init; }
    public bool DeleteAnyCollection { get; init; }
    public bool ManageGroups { get; init; }
    public bool ManagePolicies { get; init; }
    public bool ManageSso { get; init; }
    public bool ManageUsers { get; init; }
    public bool ManageResetPassword { get; init; }
    public bool ManageScim { get; init; }

    public static readonly MemberPermissions None = new();

    public static MemberPermissions Parse(string? json) =>
        string.IsNullOrEmpty(json) ? None : JsonSerializer.Deserialize<MemberPermissions>(json, JsonDefaults.Options) ?? None;

    public string Serialize() => JsonSerializer.Serialize(this, JsonDefaults.Options);
}
