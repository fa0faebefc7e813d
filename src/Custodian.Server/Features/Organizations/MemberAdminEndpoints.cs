using Custodian.Server.Features.Events;
using Custodian.Server.Features.Providers.Bulk;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Changing memberships: role and access, revoke and restore, remove; single and bulk.</summary>
public static class MemberAdminEndpoints
{
    public static void MapMemberAdminEndpoints(this RouteGroupBuilder users)
    {
        users.MapPut("/{id:guid}", Update);
        users.MapPost("/{id:guid}", Update); // legacy alias
        users.MapPut("/{id:guid}/revoke", (Guid organizationId, Guid id, [AsParameters] Services s, CancellationToken ct) => Single(organizationId, id, Revoke, s, ct));
        users.MapPut("/revoke", (Guid organizationId, MemberIdsRequest r, [AsParameters] Services s, CancellationToken ct) => Bulk(organizationId, r, Revoke, s, ct));
        users.MapPut("/{id:guid}/restore", (Guid organizationId, Guid id, [AsParameters] Services s, CancellationToken ct) => Single(organizationId, id, Restore, s, ct));
        users.MapPut("/restore", (Guid organizationId, MemberIdsRequest r, [AsParameters] Services s, CancellationToken ct) => Bulk(organizationId, r, Restore, s, ct));
        users.MapDelete("/{id:guid}", (Guid organizationId, Guid id, [AsParameters] Services s, CancellationToken ct) => Single(organizationId, id, Remove, s, ct));
        users.MapPost("/{id:guid}/delete", (Guid organizationId, Guid id, [AsParameters] Services s, CancellationToken ct) => Single(organizationId, id, Remove, s, ct)); // legacy alias
        users.MapDelete("", (Guid organizationId, [FromBody] MemberIdsRequest r, [AsParameters] Services s, CancellationToken ct) => Bulk(organizationId, r, Remove, s, ct));
        users.MapPost("/delete", (Guid organizationId, MemberIdsRequest r, [AsParameters] Services s, CancellationToken ct) => Bulk(organizationId, r, Remove, s, ct)); // legacy alias
    }

    /// <summary>What every change needs, injected as one parameter.</summary>
    public sealed record Services(OrganizationAccess Access, AppDbContext Db, MemberService Members, CurrentUser Caller, TimeProvider Time);

    /// <summary>One change to one member; an empty answer means done, anything else is why not.</summary>
    delegate Task<string> Change(OrgCaller caller, OrganizationUser member, [AsParameters] Services s, CancellationToken ct);

    static async Task Update(Guid organizationId, Guid id, MemberUpdateRequest request, [AsParameters] Services s, TemplateLeaderAccess leaders,
        CancellationToken ct)
    {
        var caller = await s.Access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        var member = await s.Members.LoadAsync(caller, id, ct);
        MemberService.EnsureMayAssign(caller, request.Type, request.Permissions, member);
        if (request.Type != OrganizationUserType.Owner)
        {
            await MemberRules.EnsureAnotherConfirmedOwnerAsync(s.Db, member, ct);
        }
        var roleChanged = member.Type != request.Type;
        member.Type = request.Type;
        member.Permissions = request.Type == OrganizationUserType.Custom ? request.Permissions?.Serialize() : null;
        member.AccessSecretsManager = request.AccessSecretsManager;
        await s.Members.SetAccessAsync(caller, member, request.Collections, request.Groups, ct);
        if (roleChanged)
        {
            await leaders.GrantAsync(organizationId, [member], ct);
        }
        s.Members.Record(EventType.OrganizationUser_Updated, caller, member);
        await OrganizationRevision.SaveAndBumpMembersAsync(s.Db, organizationId, s.Time, ct);
    }

    static async Task Single(Guid organizationId, Guid id, Change change, [AsParameters] Services s, CancellationToken ct)
    {
        var caller = await s.Access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        var error = await change(caller, await s.Members.LoadAsync(caller, id, ct), s, ct);
        if (error.Length > 0)
        {
            throw new BadRequestException(error);
        }
        await OrganizationRevision.SaveAndBumpMembersAsync(s.Db, organizationId, s.Time, ct);
    }

    /// <summary>Each id gets its own result; the ones that can be changed are, in one save.</summary>
    static async Task<ListResponse<MemberBulkResult>> Bulk(Guid organizationId, MemberIdsRequest request, Change change, [AsParameters] Services s, CancellationToken ct)
    {
        var caller = await s.Access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        var rows = await s.Db.OrganizationUsers.Where(m => m.OrganizationId == organizationId && request.Ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var results = new List<MemberBulkResult>();
        foreach (var id in request.Ids.Distinct())
        {
            results.Add(new(id, rows.TryGetValue(id, out var member) ? await change(caller, member, s, ct) : "Member not found."));
        }
        await OrganizationRevision.SaveAndBumpMembersAsync(s.Db, organizationId, s.Time, ct);
        return new(results);
    }

    internal static async Task<string> Revoke(OrgCaller caller, OrganizationUser member, [AsParameters] Services s, CancellationToken ct)
    {
        if (member.Status == OrganizationUserStatus.Revoked)
        {
            return "Already revoked.";
        }
        var refusal = await RefusalAsync(caller, member, s, "You cannot revoke yourself.", ct);
        if (refusal.Length == 0)
        {
            member.StatusBeforeRevoke = member.Status;
            member.Status = OrganizationUserStatus.Revoked;
            s.Members.Record(EventType.OrganizationUser_Revoked, caller, member);
        }
        return refusal;
    }

    internal static async Task<string> Restore(OrgCaller caller, OrganizationUser member, [AsParameters] Services s, CancellationToken ct)
    {
        if (member.Status != OrganizationUserStatus.Revoked)
        {
            return "Already active.";
        }
        if (!caller.IsOwner && member.Type == OrganizationUserType.Owner)
        {
            return "Only an owner can manage another owner.";
        }
        if (!await TwoFactorCompliance.CompliesAsync(s.Db, caller.OrganizationId, member.UserId, ct))
        {
            return TwoFactorCompliance.RestoreMessage;
        }
        try
        {
            await s.Members.EnsureSeatAvailableAsync(caller.Organization, 1, ct);
        }
        catch (BadRequestException e)
        {
            return e.Message;
        }
        member.Status = member.StatusBeforeRevoke ?? (member.UserId is null ? OrganizationUserStatus.Invited
            : member.Key is null ? OrganizationUserStatus.Accepted : OrganizationUserStatus.Confirmed);
        member.StatusBeforeRevoke = null;
        s.Members.Record(EventType.OrganizationUser_Restored, caller, member);
        return "";
    }

    internal static async Task<string> Remove(OrgCaller caller, OrganizationUser member, [AsParameters] Services s, CancellationToken ct)
    {
        var refusal = await RefusalAsync(caller, member, s, "You cannot remove yourself.", ct);
        if (refusal.Length == 0)
        {
            s.Db.OrganizationUsers.Remove(member);
            s.Members.Record(EventType.OrganizationUser_Removed, caller, member);
        }
        return refusal;
    }

    /// <summary>Why the caller may not take this member's access away, or empty.</summary>
    static async Task<string> RefusalAsync(OrgCaller caller, OrganizationUser member, [AsParameters] Services s, string self, CancellationToken ct)
    {
        if (s.Caller.IsUser && member.UserId == s.Caller.Id)
        {
            return self;
        }
        if (!caller.IsOwner && member.Type == OrganizationUserType.Owner)
        {
            return "Only an owner can manage another owner.";
        }
        if (!caller.IsAdmin && member.Type == OrganizationUserType.Admin)
        {
            return "Custom users can not manage Admins or Owners.";
        }
        try
        {
            await MemberRules.EnsureAnotherConfirmedOwnerAsync(s.Db, member, ct);
            return "";
        }
        catch (BadRequestException e)
        {
            return e.Message;
        }
    }
}
