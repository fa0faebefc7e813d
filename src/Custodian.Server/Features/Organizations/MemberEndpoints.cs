using Custodian.Server.Features.Accounts;
using Custodian.Server.Features.Events;
using Custodian.Server.Features.Providers.Bulk;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Custodian.Server.Infrastructure.Mail;
using Custodian.Server.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.Organizations;

/// <summary>Joining an org: list members, invite, reinvite, accept, confirm (the org key wrapped to the member).</summary>
public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/organizations/{organizationId:guid}/users").WithTags("Members");
        users.MapGet("", List);
        users.MapGet("/{id:guid}", Get);
        users.MapGet("/{id:guid}/groups", GetGroups);
        users.MapPost("/invite", Invite);
        users.MapPost("/reinvite", ReinviteMany);
        users.MapPost("/{id:guid}/reinvite", Reinvite);
        users.MapPost("/{id:guid}/accept", Accept);
        users.MapPost("/{id:guid}/confirm", Confirm);
        users.MapPost("/confirm", ConfirmMany);
        users.MapPost("/public-keys", PublicKeys);
        users.MapMemberAdminEndpoints();
        users.MapAccountRecoveryEndpoints();
        return users;
    }

    static async Task<StreamedListResponse<MemberResponse>> List(Guid organizationId, bool? includeCollections, bool? includeGroups,
        OrganizationAccess access, AppDbContext db, MemberService members, CancellationToken ct)
    {
        await access.RequireAsync(organizationId, c => c.CanManageUsers || c.CanManageGroups || c.CanEditAnyCollection || c.CanDeleteAnyCollection, ct);
        return new(members.ResponsesAsync(db.OrganizationUsers.Where(m => m.OrganizationId == organizationId),
            includeCollections == true, includeGroups == true, "organizationUserUserDetails", ct));
    }

    static async Task<MemberResponse> Get(Guid organizationId, Guid id, OrganizationAccess access, MemberService members, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        return await members.ResponseAsync(await members.LoadAsync(caller, id, ct), includeCollections: true, ct);
    }

    static async Task<IReadOnlyList<Guid>> GetGroups(Guid organizationId, Guid id, OrganizationAccess access, MemberService members, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        return (await members.ResponseAsync(await members.LoadAsync(caller, id, ct), includeCollections: false, ct)).Groups;
    }

    static async Task Invite(Guid organizationId, MemberInviteRequest request, OrganizationAccess access, AppDbContext db,
        MemberService members, MailLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        MemberService.EnsureMayAssign(caller, request.Type, request.Permissions);
        var emails = EmailAddresses.Normalize(request.Emails);
        links.EnsureConfigured();
        var taken = await db.OrganizationUsers.Where(m => m.OrganizationId == organizationId)
            .Where(m => (m.Email != null && emails.Contains(m.Email)) || db.Users.Any(u => u.Id == m.UserId && emails.Contains(u.Email)))
            .AnyAsync(ct);
        if (taken)
        {
            throw new BadRequestException("One or more of these users is already a member of this organization.");
        }
        await members.EnsureSeatAvailableAsync(caller.Organization, emails.Count, ct);
        var invited = new List<OrganizationUser>();
        foreach (var email in emails)
        {
            var member = MemberService.NewInvitation(caller, email, request.Type, request.Permissions, time);
            member.AccessSecretsManager = request.AccessSecretsManager;
            db.OrganizationUsers.Add(member);
            await members.SetAccessAsync(caller, member, request.Collections ?? [], request.Groups ?? [], ct);
            members.Record(EventType.OrganizationUser_Invited, caller, member);
            invited.Add(member);
        }
        await db.SaveChangesAsync(ct);
        foreach (var member in invited)
        {
            await members.SendInviteAsync(caller.Organization, member, ct);
        }
    }

    static async Task Reinvite(Guid organizationId, Guid id, OrganizationAccess access, MemberService members, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        var member = await members.LoadAsync(caller, id, ct);
        if (member.Status != OrganizationUserStatus.Invited)
        {
            throw new BadRequestException("This user has already accepted the invitation.");
        }
        await members.SendInviteAsync(caller.Organization, member, ct);
    }

    static async Task<ListResponse<MemberBulkResult>> ReinviteMany(Guid organizationId, MemberIdsRequest request, OrganizationAccess access,
        AppDbContext db, MemberService members, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        var rows = await db.OrganizationUsers.Where(m => m.OrganizationId == organizationId && request.Ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var results = new List<MemberBulkResult>();
        foreach (var id in request.Ids.Distinct())
        {
            var error = !rows.TryGetValue(id, out var member) ? "Member not found."
                : member.Status != OrganizationUserStatus.Invited ? "This user has already accepted the invitation." : "";
            if (error.Length == 0)
            {
                await members.SendInviteAsync(caller.Organization, member!, ct);
            }
            results.Add(new(id, error));
        }
        return new(results);
    }

    /// <summary>The invitee, logged in with the invited address, turns the invitation into a membership.</summary>
    static async Task Accept(Guid organizationId, Guid id, MemberAcceptRequest request, AppDbContext db, CurrentUser caller,
        InviteTokens tokens, AccountRecovery recovery, CancellationToken ct)
    {
        var member = await db.OrganizationUsers.SingleOrDefaultAsync(m => m.Id == id && m.OrganizationId == organizationId, ct);
        var user = await AccountEndpoints.LoadAsync(db, caller, ct);
        if (member is not { Status: OrganizationUserStatus.Invited, Email: { } email } || !tokens.IsValid(request.Token, member.Id, email))
        {
            throw new BadRequestException("Invalid token.");
        }
        if (!string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException("User email does not match invite.");
        }
        if (await db.OrganizationUsers.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == user.Id, ct))
        {
            throw new BadRequestException("You are already part of this organization.");
        }
        await PolicyRules.EnsureSingleOrgAllowsJoiningAsync(db, user.Id, organizationId, member.Type, ct);
        await TwoFactorCompliance.EnsureMayJoinAsync(db, organizationId, user.Id, ct);
        member.UserId = user.Id;
        member.Email = null;
        member.Status = OrganizationUserStatus.Accepted;
        // With automatic enrollment the web vault wraps the user key to the org while accepting (Bitwarden's rule).
        if (request.ResetPasswordKey is null && (await recovery.PolicyAsync(organizationId, ct)).AutoEnroll)
        {
            throw new BadRequestException("Master Password reset is required, but not provided.");
        }
        if (request.ResetPasswordKey is not null)
        {
            await recovery.SetEnrollmentAsync(member, request.ResetPasswordKey, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    static async Task Confirm(Guid organizationId, Guid id, MemberConfirmRequest request, OrganizationAccess access, AppDbContext db,
        MemberService members, TemplateLeaderAccess leaders, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        var member = await members.LoadAsync(caller, id, ct);
        var error = await TwoFactorCompliance.CompliesAsync(db, organizationId, member.UserId, ct)
            ? ConfirmOne(caller, member, request.Key, members) : TwoFactorCompliance.ConfirmMessage;
        if (error.Length > 0)
        {
            throw new BadRequestException(error);
        }
        await leaders.GrantAsync(organizationId, [member], ct);
        await db.SaveChangesAsync(ct);
    }

    static async Task<ListResponse<MemberBulkResult>> ConfirmMany(Guid organizationId, MemberBulkConfirmRequest request,
        OrganizationAccess access, AppDbContext db, MemberService members, TemplateLeaderAccess leaders, CancellationToken ct)
    {
        var caller = await access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        var ids = request.Keys.Select(k => k.Id).ToList();
        var rows = await db.OrganizationUsers.Where(m => m.OrganizationId == organizationId && ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var results = new List<MemberBulkResult>();
        foreach (var k in request.Keys.DistinctBy(k => k.Id))
        {
            results.Add(new(k.Id, !rows.TryGetValue(k.Id, out var m) ? "Member not found."
                : !await TwoFactorCompliance.CompliesAsync(db, organizationId, m.UserId, ct) ? TwoFactorCompliance.ConfirmMessage
                : ConfirmOne(caller, m, k.Key, members)));
        }
        var confirmed = results.Where(r => r.Error.Length == 0).Select(r => rows[r.Id]).ToList();
        await leaders.GrantAsync(organizationId, confirmed, ct);
        await db.SaveChangesAsync(ct);
        return new(results);
    }

    /// <summary>Stores the wrapped org key; only an accepted member (linked to an account) can be confirmed.</summary>
    static string ConfirmOne(OrgCaller caller, OrganizationUser member, string key, MemberService members)
    {
        if (member.Status != OrganizationUserStatus.Accepted || member.UserId is null)
        {
            return "User not valid.";
        }
        if (!key.StartsWith("4.", StringComparison.Ordinal))
        {
            return "The key must be wrapped to the member's public key.";
        }
        member.Key = key;
        member.Status = OrganizationUserStatus.Confirmed;
        members.Record(EventType.OrganizationUser_Confirmed, caller, member);
        return "";
    }

    static async Task<ListResponse<MemberPublicKeyResponse>> PublicKeys(Guid organizationId, MemberIdsRequest request,
        OrganizationAccess access, AppDbContext db, CancellationToken ct)
    {
        await access.RequireAsync(organizationId, c => c.CanManageUsers, ct);
        var keys = await (from m in db.OrganizationUsers
                          join u in db.Users on m.UserId equals u.Id
                          where m.OrganizationId == organizationId && request.Ids.Contains(m.Id)
                          select new { m.Id, UserId = u.Id, u.PublicKey }).ToListAsync(ct);
        return new([.. keys.Select(k => new MemberPublicKeyResponse(k.Id, k.UserId, k.PublicKey))]);
    }
}
