using System.Text.Json;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>
/// What each policy's settings may hold, which policies need others, and the rules the server itself enforces:
/// single organization and organization data ownership. The rest (master password strength, generator, sends,
/// vault timeout, export) only clients can apply, so the server validates and delivers them. Two-step login is
/// enforced by <see cref="TwoFactorCompliance"/>.
/// </summary>
public static class PolicyRules
{
    public const string SingleOrgMessage = "You may not join this organization until you leave or remove all other organizations.";
    public const string SingleOrgBlocksMessage = "You cannot join this organization because you are a member of an organization which forbids it.";
    public const string PersonalOwnershipMessage = "Due to an Enterprise Policy, you are restricted from saving items to your personal vault.";

    /// <summary>Policies that may only be on while single organization is on.</summary>
    static readonly PolicyType[] NeedSingleOrg = [PolicyType.RequireSso, PolicyType.ResetPassword, PolicyType.MaximumVaultTimeout];

    // Per type: allowed keys with their kind and bounds. Unknown keys pass (newer clients add fields).
    static readonly Dictionary<PolicyType, Dictionary<string, (JsonValueKind Kind, int Min, int Max)>> Shapes = new()
    {
        [PolicyType.MasterPassword] = new()
        {
            ["minComplexity"] = (JsonValueKind.Number, 0, 4), ["minLength"] = (JsonValueKind.Number, 12, 128),
            ["requireUpper"] = (JsonValueKind.True, 0, 0), ["requireLower"] = (JsonValueKind.True, 0, 0),
            ["requireNumbers"] = (JsonValueKind.True, 0, 0), ["requireSpecial"] = (JsonValueKind.True, 0, 0),
            ["enforceOnLogin"] = (JsonValueKind.True, 0, 0),
        },
        [PolicyType.PasswordGenerator] = new()
        {
            ["overridePasswordType"] = (JsonValueKind.String, 0, 20), ["minLength"] = (JsonValueKind.Number, 5, 128),
            ["useUpper"] = (JsonValueKind.True, 0, 0), ["useLower"] = (JsonValueKind.True, 0, 0), ["useNumbers"] = (JsonValueKind.True, 0, 0),
            ["useSpecial"] = (JsonValueKind.True, 0, 0), ["minNumbers"] = (JsonValueKind.Number, 0, 9), ["minSpecial"] = (JsonValueKind.Number, 0, 9),
            ["minNumberWords"] = (JsonValueKind.Number, 3, 20), ["capitalize"] = (JsonValueKind.True, 0, 0), ["includeNumber"] = (JsonValueKind.True, 0, 0),
        },
        [PolicyType.SendOptions] = new() { ["disableHideEmail"] = (JsonValueKind.True, 0, 0) },
        [PolicyType.ResetPassword] = new() { ["autoEnrollEnabled"] = (JsonValueKind.True, 0, 0) },
        [PolicyType.MaximumVaultTimeout] = new() { ["minutes"] = (JsonValueKind.Number, 1, 525600), ["action"] = (JsonValueKind.String, 0, 10) },
    };

    /// <summary>The settings as stored: a JSON object checked against the type's shape, or null.</summary>
    public static string? ValidatedData(PolicyType type, JsonElement? data)
    {
        if (data is not { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } json)
        {
            return null;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw BadRequestException.ForField("Data", "Policy data must be an object.");
        }
        foreach (var property in json.EnumerateObject())
        {
            if (Shapes.GetValueOrDefault(type)?.GetValueOrDefault(property.Name) is not { } shape || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var value = property.Value;
            var ok = shape.Kind switch
            {
                JsonValueKind.True => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                JsonValueKind.Number => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= shape.Min && n <= shape.Max,
                _ => value.ValueKind == JsonValueKind.String && value.GetString()!.Length <= shape.Max,
            };
            if (!ok)
            {
                throw BadRequestException.ForField($"Data.{property.Name}", shape.Kind == JsonValueKind.Number
                    ? $"{property.Name} must be a whole number from {shape.Min} to {shape.Max}."
                    : $"{property.Name} has the wrong type.");
            }
        }
        var text = json.GetRawText();
        return text.Length > 10000 ? throw BadRequestException.ForField("Data", "Policy data is too large.") : text;
    }

    /// <summary>Single organization must be on for its dependants, and cannot go off under them.</summary>
    public static async Task EnsureDependenciesAsync(AppDbContext db, Guid organizationId, PolicyType type, bool enabled, CancellationToken ct)
    {
        var enabledTypes = await db.Policies.Where(p => p.OrganizationId == organizationId && p.Enabled).Select(p => p.Type).ToListAsync(ct);
        if (enabled && NeedSingleOrg.Contains(type) && !enabledTypes.Contains(PolicyType.SingleOrg))
        {
            throw new BadRequestException("Turn on the Single organization policy first.");
        }
        if (!enabled && type == PolicyType.SingleOrg && enabledTypes.Any(NeedSingleOrg.Contains))
        {
            throw new BadRequestException("Turn off the policies that require Single organization first.");
        }
    }

    static IQueryable<OrganizationUser> SingleOrgBound(AppDbContext db) =>
        db.OrganizationUsers.Where(m => m.Type != OrganizationUserType.Owner && m.Type != OrganizationUserType.Admin
            && m.Status != OrganizationUserStatus.Revoked && m.Status != OrganizationUserStatus.Invited
            && db.Policies.Any(p => p.OrganizationId == m.OrganizationId && p.Type == PolicyType.SingleOrg && p.Enabled));

    /// <summary>
    /// Joining <paramref name="organizationId"/> (accepting, or creating an org) is refused when the user is bound
    /// by single organization elsewhere, or when this org has it and the user already belongs to another org.
    /// </summary>
    public static async Task EnsureSingleOrgAllowsJoiningAsync(AppDbContext db, Guid userId, Guid? organizationId,
        OrganizationUserType joiningAs, CancellationToken ct)
    {
        if (await SingleOrgBound(db).AnyAsync(m => m.UserId == userId && m.OrganizationId != organizationId, ct))
        {
            throw new BadRequestException(SingleOrgBlocksMessage);
        }
        if (organizationId is not { } id || joiningAs is OrganizationUserType.Owner or OrganizationUserType.Admin)
        {
            return;
        }
        var targetHasIt = await db.Policies.AnyAsync(p => p.OrganizationId == id && p.Type == PolicyType.SingleOrg && p.Enabled, ct);
        if (targetHasIt && await db.OrganizationUsers.AnyAsync(m => m.UserId == userId && m.OrganizationId != id && m.Status != OrganizationUserStatus.Invited, ct))
        {
            throw new BadRequestException(SingleOrgMessage);
        }
    }

    /// <summary>Turning single organization on revokes the members it binds who also belong to another org.</summary>
    public static async Task<List<OrganizationUser>> RevokeNonCompliantAsync(AppDbContext db, Guid organizationId, CancellationToken ct)
    {
        var members = await db.OrganizationUsers.Where(m => m.OrganizationId == organizationId && m.UserId != null
                && m.Type != OrganizationUserType.Owner && m.Type != OrganizationUserType.Admin
                && m.Status != OrganizationUserStatus.Revoked && m.Status != OrganizationUserStatus.Invited
                && db.OrganizationUsers.Any(o => o.UserId == m.UserId && o.OrganizationId != organizationId && o.Status != OrganizationUserStatus.Invited))
            .ToListAsync(ct);
        foreach (var member in members)
        {
            member.StatusBeforeRevoke = member.Status;
            member.Status = OrganizationUserStatus.Revoked;
        }
        return members;
    }

    /// <summary>Organization data ownership: members below admin keep org items only, no personal ones.</summary>
    public static async Task EnsurePersonalItemsAllowedAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var bound = await db.OrganizationUsers.AnyAsync(m => m.UserId == userId && m.Status == OrganizationUserStatus.Confirmed
            && m.Type != OrganizationUserType.Owner && m.Type != OrganizationUserType.Admin
            && db.Policies.Any(p => p.OrganizationId == m.OrganizationId && p.Type == PolicyType.OrganizationDataOwnership && p.Enabled), ct);
        if (bound)
        {
            throw new BadRequestException(PersonalOwnershipMessage);
        }
    }

    /// <summary>
    /// The enabled policies of <paramref name="type"/> that bind the user, as Bitwarden's policy requirements decide:
    /// in orgs where the user has accepted or been confirmed, owners and admins exempt (provider users are not
    /// members, so they are exempt too).
    /// </summary>
    public static IQueryable<Policy> Binding(AppDbContext db, Guid userId, PolicyType type) =>
        db.Policies.Where(p => p.Type == type && p.Enabled && db.OrganizationUsers.Any(m => m.OrganizationId == p.OrganizationId
            && m.UserId == userId && (m.Status == OrganizationUserStatus.Accepted || m.Status == OrganizationUserStatus.Confirmed)
            && m.Type != OrganizationUserType.Owner && m.Type != OrganizationUserType.Admin));
}
