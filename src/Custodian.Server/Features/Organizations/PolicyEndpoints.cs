using Custodian.Server.Features.Events;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>An org's policies: read, turn on or off with settings, and what an invitee may see before joining.</summary>
public static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/organizations/{organizationId:guid}/policies").WithTags("Policies");
        policies.MapGet("", List);
        policies.MapGet("/token", ForInvitee).AllowAnonymous();
        policies.MapGet("/{type}", Get);
        policies.MapPut("/{type}", Put);
        policies.MapPut("/{type}/vnext", (Guid organizationId, PolicyType type, PolicyVNextRequest request, OrganizationAccess access,
            AppDbContext db, EventLog events, TimeProvider time, TwoFactorCompliance twoFactor, CancellationToken ct) =>
            Put(organizationId, type, request.Policy, access, db, events, time, twoFactor, ct));
        return policies;
    }

    static readonly Func<OrgCaller, bool> MayManage = c => c.Organization.UsePolicies && c.CanManagePolicies;

    static async Task<ListResponse<PolicyResponse>> List(Guid organizationId, OrganizationAccess access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(organizationId, MayManage, ct);
        var rows = await db.Policies.Where(p => p.OrganizationId == organizationId).OrderBy(p => p.Type).ToListAsync(ct);
        return new([.. rows.Select(PolicyResponse.From)]);
    }

    /// <summary>A type never set reads as off, as Bitwarden answers.</summary>
    static async Task<PolicyResponse> Get(Guid organizationId, PolicyType type, OrganizationAccess access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(organizationId, MayManage, ct);
        EnsureKnown(type);
        var policy = await db.Policies.SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Type == type, ct)
            ?? new Policy { OrganizationId = organizationId, Type = type };
        return PolicyResponse.From(policy);
    }

    internal static void EnsureKnown(PolicyType type)
    {
        if (!Enum.IsDefined(type))
        {
            throw new NotFoundException();
        }
    }

    static async Task<PolicyResponse> Put(Guid organizationId, PolicyType type, PolicyRequest request, OrganizationAccess access,
        AppDbContext db, EventLog events, TimeProvider time, TwoFactorCompliance twoFactor, CancellationToken ct) =>
        PolicyResponse.From(await SaveAsync(await access.RequireAsync(organizationId, MayManage, ct), type, request.Enabled, request.Data, db, events, time, twoFactor, ct));

    /// <summary>Turns a policy on or off with its settings, keeping the dependencies and revoking whom single org and two-step login bind.</summary>
    internal static async Task<Policy> SaveAsync(OrgCaller caller, PolicyType type, bool enabled, System.Text.Json.JsonElement? settings,
        AppDbContext db, EventLog events, TimeProvider time, TwoFactorCompliance twoFactor, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId;
        EnsureKnown(type);
        var data = PolicyRules.ValidatedData(type, settings);
        await PolicyRules.EnsureDependenciesAsync(db, organizationId, type, enabled, ct);
        var policy = await db.Policies.SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Type == type, ct);
        if (policy is null)
        {
            policy = new Policy { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Type = type, CreationDate = time.GetUtcNow().UtcDateTime };
            db.Policies.Add(policy);
        }
        var turningOn = enabled && !policy.Enabled;
        policy.Enabled = enabled;
        policy.Data = data;
        if (turningOn && type == PolicyType.SingleOrg)
        {
            foreach (var member in await PolicyRules.RevokeNonCompliantAsync(db, organizationId, ct))
            {
                events.Add(EventType.OrganizationUser_Revoked, new EventSubject(OrganizationUserId: member.Id, UserId: member.UserId), caller);
            }
        }
        if (turningOn && type == PolicyType.TwoFactorAuthentication)
        {
            await twoFactor.RevokeNonCompliantAsync(caller, ct);
        }
        events.Add(EventType.Policy_Updated, new EventSubject(PolicyId: policy.Id), caller);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, organizationId, time, ct);
        return policy;
    }

    /// <summary>
    /// The web vault shows an invitee the org's master password rules before they join; the invitation token is
    /// the credential, so no login is needed.
    /// </summary>
    static async Task<ListResponse<PolicyResponse>> ForInvitee(Guid organizationId, string? email, string? token, Guid? organizationUserId,
        AppDbContext db, InviteTokens tokens, CancellationToken ct)
    {
        var invited = organizationUserId is { } id && email is not null && tokens.IsValid(token, id, email)
            && await db.OrganizationUsers.AnyAsync(m => m.Id == id && m.OrganizationId == organizationId && m.Status == OrganizationUserStatus.Invited, ct);
        if (!invited)
        {
            throw new NotFoundException();
        }
        var rows = await db.Policies.Where(p => p.OrganizationId == organizationId && p.Enabled).OrderBy(p => p.Type).ToListAsync(ct);
        return new([.. rows.Select(PolicyResponse.From)]);
    }

    /// <summary>For sync: enabled policies of the orgs the user belongs to (clients apply the exemptions).</summary>
    public static async Task<List<PolicyResponse>> ForUserAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var policies = new List<PolicyResponse>();
        await foreach (var row in OfMemberOrgs.For(db)(db, userId).WithCancellation(ct))
        {
            policies.Add(PolicyResponse.From(row));
        }
        return policies;
    }

    /// <summary>Every sync runs it (<see cref="CompiledQuery{TQuery}"/>).</summary>
    static readonly CompiledQuery<Func<AppDbContext, Guid, IAsyncEnumerable<Policy>>> OfMemberOrgs = new(() => EF.CompileAsyncQuery<AppDbContext, Guid, Policy>(
        (AppDbContext db, Guid userId) => db.Policies.AsNoTracking().Where(p => p.Enabled && db.OrganizationUsers.Any(m => m.OrganizationId == p.OrganizationId
                && m.UserId == userId && m.Status != OrganizationUserStatus.Revoked && m.Status != OrganizationUserStatus.Invited))
            .OrderBy(p => p.OrganizationId).ThenBy(p => p.Type)));
}
