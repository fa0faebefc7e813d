using Custodian.Server.Features.Events;
using Custodian.Server.Features.Organizations;
using Custodian.Server.Features.Providers.Bulk;
using Custodian.Server.Infrastructure.Data;
using Custodian.Server.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Custodian.Server.Features.PublicApi;

/// <summary><c>/api/public/members</c>: Bitwarden's public members API, with the Admin Console's rules.</summary>
public static class PublicMemberEndpoints
{
    public static void MapPublicMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("", List);
        members.MapGet("/{id:guid}", Get);
        members.MapGet("/{id:guid}/group-ids", GroupIds);
        members.MapPost("", Invite);
        members.MapPut("/{id:guid}", Update);
        members.MapPut("/{id:guid}/group-ids", SetGroupIds);
        members.MapDelete("/{id:guid}", Remove);
        members.MapPost("/{id:guid}/reinvite", Reinvite);
    }

    /// <summary>Every member, without collections (as Bitwarden lists them), streamed in one pass.</summary>
    static async Task<StreamedListResponse<PublicMemberResponse>> List(PublicApiAccess access, AppDbContext db, MemberService members, CancellationToken ct)
    {
        var org = await access.RequireAsync(ct);
        return new(Shape(members.ResponsesAsync(db.OrganizationUsers.Where(m => m.OrganizationId == org.OrganizationId),
            includeCollections: false, includeGroups: false, "member", ct), withCollections: false));
    }

    static async Task<PublicMemberResponse> Get(Guid id, PublicApiAccess access, MemberService members, CancellationToken ct) =>
        await OneAsync(await access.RequireAsync(ct), id, members, ct);

    static async Task<IReadOnlyList<Guid>> GroupIds(Guid id, PublicApiAccess access, MemberService members, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        return (await members.ResponseAsync(await members.LoadAsync(caller, id, ct), includeCollections: false, ct)).Groups;
    }

    static async Task<PublicMemberResponse> Invite(PublicMemberCreateRequest request, PublicApiAccess access, AppDbContext db,
        MemberService members, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var email = request.Email.Trim().ToLowerInvariant();
        if (await db.OrganizationUsers.AnyAsync(m => m.OrganizationId == caller.OrganizationId
                && (m.Email == email || db.Users.Any(u => u.Id == m.UserId && u.Email == email)), ct))
        {
            throw new BadRequestException("User already invited.");
        }
        await members.EnsureSeatAvailableAsync(caller.Organization, 1, ct);
        var member = MemberService.NewInvitation(caller, email, request.Type!.Value, request.Permissions, time);
        member.ExternalId = request.ExternalId;
        db.OrganizationUsers.Add(member);
        await members.SetAccessAsync(caller, member, [.. (request.Collections ?? []).Select(c => c.ToSelection())], request.Groups ?? [], ct);
        members.Record(EventType.OrganizationUser_Invited, caller, member);
        await db.SaveChangesAsync(ct);
        await members.SendInviteAsync(caller.Organization, member, ct);
        return await OneAsync(caller, member.Id, members, ct);
    }

    static async Task<PublicMemberResponse> Update(Guid id, PublicMemberUpdateRequest request, PublicApiAccess access, AppDbContext db,
        MemberService members, TemplateLeaderAccess leaders, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var member = await members.LoadAsync(caller, id, ct);
        var type = request.Type!.Value;
        if (type != OrganizationUserType.Owner)
        {
            await MemberRules.EnsureAnotherConfirmedOwnerAsync(db, member, ct);
        }
        var roleChanged = member.Type != type;
        member.Type = type;
        member.Permissions = type == OrganizationUserType.Custom ? request.Permissions?.Serialize() : null;
        member.ExternalId = request.ExternalId;
        await members.SetAccessAsync(caller, member, [.. (request.Collections ?? []).Select(c => c.ToSelection())], request.Groups, ct);
        if (roleChanged)
        {
            await leaders.GrantAsync(caller.OrganizationId, [member], ct);
        }
        members.Record(EventType.OrganizationUser_Updated, caller, member);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, caller.OrganizationId, time, ct);
        return await OneAsync(caller, id, members, ct);
    }

    static async Task SetGroupIds(Guid id, PublicGroupIdsRequest request, PublicApiAccess access, AppDbContext db,
        MemberService members, TimeProvider time, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var member = await members.LoadAsync(caller, id, ct);
        await members.SetAccessAsync(caller, member, null, request.GroupIds, ct);
        members.Record(EventType.OrganizationUser_UpdatedGroups, caller, member);
        await OrganizationRevision.SaveAndBumpMembersAsync(db, caller.OrganizationId, time, ct);
    }

    static async Task Remove(Guid id, PublicApiAccess access, [AsParameters] MemberAdminEndpoints.Services s, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var refusal = await MemberAdminEndpoints.Remove(caller, await s.Members.LoadAsync(caller, id, ct), s, ct);
        if (refusal.Length > 0)
        {
            throw new BadRequestException(refusal);
        }
        await OrganizationRevision.SaveAndBumpMembersAsync(s.Db, caller.OrganizationId, s.Time, ct);
    }

    static async Task Reinvite(Guid id, PublicApiAccess access, MemberService members, CancellationToken ct)
    {
        var caller = await access.RequireAsync(ct);
        var member = await members.LoadAsync(caller, id, ct);
        if (member.Status != OrganizationUserStatus.Invited)
        {
            throw new BadRequestException("This user has already accepted the invitation.");
        }
        await members.SendInviteAsync(caller.Organization, member, ct);
    }

    static async Task<PublicMemberResponse> OneAsync(OrgCaller caller, Guid id, MemberService members, CancellationToken ct)
    {
        var member = await members.LoadAsync(caller, id, ct);
        return From(await members.ResponseAsync(member, includeCollections: true, ct), withCollections: true);
    }

    static async IAsyncEnumerable<PublicMemberResponse> Shape(IAsyncEnumerable<MemberResponse> rows, bool withCollections)
    {
        await foreach (var m in rows)
        {
            yield return From(m, withCollections);
        }
    }

    static PublicMemberResponse From(MemberResponse m, bool withCollections) => new(
        m.Id, m.UserId, m.Name, m.Email, m.TwoFactorEnabled, m.Status,
        withCollections ? [.. m.Collections.Select(c => PublicAccess.From(c.Id, c.ReadOnly, c.HidePasswords, c.Manage))] : null,
        m.ResetPasswordEnrolled, SsoExternalId: null, m.Type, m.ExternalId, m.Type == OrganizationUserType.Custom ? m.Permissions : null);
}
